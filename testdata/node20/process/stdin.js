// process.stdin is a readable stream: data chunks, then end; with nothing on standard input
// (the tests give /dev/null) it ends at once. stdin_pipe_test.go pipes real data into it.
let total = 0, chunks = 0;
process.stdin.setEncoding('utf8');
process.stdin.on('data', function (d) { total += d.length; chunks++; if (typeof d !== 'string') console.log('not a string'); });
process.stdin.on('end', function () {
  console.log('end', total, 'characters');
});
console.log('stdin', process.stdin.fd, typeof process.stdin.on, typeof process.stdin.pause, process.stdin.isTTY);
