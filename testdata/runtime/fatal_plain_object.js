// An assertion library's plain-object error, thrown at top level.
throw {message: "expected 1 to equal 2", actual: 1, expected: 2};
