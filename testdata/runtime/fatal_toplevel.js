puts("first line printed and flushed");
throw new Error("top level");
