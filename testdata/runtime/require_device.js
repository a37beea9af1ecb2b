require("/dev/zero");
