package jsvalue

import (
	"reflect"

	"github.com/dop251/goja"
)

// TypeOf names a primitive's type as JavaScript's typeof does
// ("undefined", "string", "number", "boolean", "symbol", "bigint").
func TypeOf(v goja.Value) string {
	if _, ok := v.(*goja.Symbol); ok {
		return "symbol"
	}
	t := v.ExportType()
	if t == nil {
		return "undefined"
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Int64, reflect.Float64:
		return "number"
	case reflect.Bool:
		return "boolean"
	}
	if t.String() == "*big.Int" {
		return "bigint"
	}
	return t.String()
}

// constructorName is the name of o's constructor, or "" if it has none.
func constructorName(o *goja.Object) string {
	if c, ok := o.Get("constructor").(*goja.Object); ok {
		if n := c.Get("name"); n != nil {
			return n.String()
		}
	}
	return ""
}

// className names an object's type as peerjs-js-binarypack does: its
// constructor's name, else its class.
func className(o *goja.Object) string {
	if n := constructorName(o); n != "" {
		return n
	}
	return o.ClassName()
}

// constructorSource names an object's type as npm binarypack 0.0.4 does,
// "function Name()", else its class.
func constructorSource(o *goja.Object) string {
	if n := constructorName(o); n != "" {
		return "function " + n + "()"
	}
	return o.ClassName()
}
