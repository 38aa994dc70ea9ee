package main

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"testing"
)

// TestOnlyTheWindowFileImportsUI keeps the command line free of the window: only gui.go, which
// starts the window, may import the ui package (the CLI chooses its language in assets/i18n).
func TestOnlyTheWindowFileImportsUI(t *testing.T) {
	const ui = "github.com/signin-doctor/signin-doctor/ui"
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path == ui && name != "gui.go" {
				t.Errorf("%s imports %s: only gui.go, which starts the window, may", name, ui)
			}
		}
	}
}
