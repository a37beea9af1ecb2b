exports.assertTrue = function (value) {
  if (!value) throw new Error("assertTrue failed");
  puts("assertTrue passed");
};
