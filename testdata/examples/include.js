include("circle.js");
function onLoad () {
  puts("The area of a cirlce of radius 4 is " + area(4));
}
