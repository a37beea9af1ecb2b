// A program that cannot start: the supervisor restarts it with back-off, then gives up.
throw new Error("cannot start");
