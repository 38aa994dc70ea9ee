package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
)

// fyneWords are the strings Fyne's own widgets and dialogs look up; Fyne ships no Japanese.
var fyneWords = []string{"Cancel", "Confirm", "Copy", "Cut", "Create Folder", "Enter filename",
	"Error", "File", "Folder", "New Folder", "No", "OK", "Open", "Paste", "Quit", "Redo", "Save",
	"Select all", "Show Hidden Files", "Undo", "Yes", "file.name", "file.parent", "Advanced", "Favourites"}

func TestEveryWindowStringIsTranslated(t *testing.T) {
	used := windowStrings(t)
	used = append(used, fyneWords...)
	for _, file := range []string{"en.json", "ja.json"} {
		catalogue := translations(t, file)
		for _, s := range used {
			t.Run(file+"/"+s, func(t *testing.T) {
				if catalogue[s] == "" {
					t.Errorf("given the window says %q, when it speaks %s, then it has no translation", s, file)
				}
			})
		}
	}
}

func TestEnglishAndJapaneseHaveTheSameKeys(t *testing.T) {
	en, ja := translations(t, "en.json"), translations(t, "ja.json")
	for k := range en {
		if _, ok := ja[k]; !ok {
			t.Errorf("ja.json lacks %q", k)
		}
	}
	for k := range ja {
		if _, ok := en[k]; !ok {
			t.Errorf("en.json lacks %q", k)
		}
	}
}

// windowStrings returns the string literals the package passes to lang.L and lang.X.
func windowStrings(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "L" && sel.Sel.Name != "X" {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, s)
			} else if !isTestFile(name) {
				t.Errorf("%s: %s: lang.%s with a computed id cannot be checked", name, fset.Position(call.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
	return out
}

func isTestFile(name string) bool {
	return filepath.Ext(name) == ".go" && len(name) > 8 && name[len(name)-8:] == "_test.go"
}

// translations reads one embedded go-i18n file as id → text ("other" for plural forms).
func translations(t *testing.T, file string) map[string]string {
	t.Helper()
	data, err := i18n.Files.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	out := make(map[string]string, len(raw))
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil {
			out[k] = s
			continue
		}
		var forms map[string]string
		if err := json.Unmarshal(v, &forms); err != nil {
			t.Fatalf("%s: %q: %v", file, k, err)
		}
		out[k] = forms["other"]
	}
	return out
}
