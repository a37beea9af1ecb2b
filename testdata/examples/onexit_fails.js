include("asserts.js");

var timer_executed = false;

var t = setTimeout(function () { timer_executed = true }, 1000);
clearTimeout(t);

function onExit () {
  assertTrue(timer_executed);
}
