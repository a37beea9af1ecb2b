function onLoad() { throw new Error("in onLoad"); }
