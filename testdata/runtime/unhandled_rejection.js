// An unhandled rejection of a promise ends the program with status 1 and a report of the place
// the Error was made, as Node 20 does (whether or not the script uses process).
function fail() {
  return Promise.reject(new TypeError("nobody handles this"));
}
puts("before");
fail();
setTimeout(function () { puts("this timer must not run"); }, 1);
