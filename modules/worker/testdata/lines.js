// Long lines from every worker at once, for the output test: worker I prints 50 lines of
// 100,000 copies of the letter "A"+I (more than a pipe holds), then ends.
var line = "";
for (var i = 0; i < 100000; i++) line += String.fromCharCode(65 + node.worker.index);
for (var n = 0; n < 50; n++) puts(line);
