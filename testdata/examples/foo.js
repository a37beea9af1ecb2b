var circle = require("circle.js");
function onLoad () {
  puts("The area of a cirlce of radius 4 is " + circle.area(4));
}
