puts("x");
var y = );
