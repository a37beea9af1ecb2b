puts(ARGV.length + " " + ARGV[0] + " " + /argv\.js$/.test(ARGV[1]) + " " + ARGV.slice(2).join("|"));
