include("asserts.js");

var timer_executed = false;

setTimeout(function () { timer_executed = true }, 1000);

function onExit () {
  assertTrue(timer_executed);
}
