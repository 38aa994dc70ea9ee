package proof

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestNothingReadsDetailsByKey keeps the checks talking in types: outside the tests, no code
// asserts a type on a value it took out of a result's Details by key (r.Details["online"].(bool)),
// where a renamed key would silently change behaviour. Each check's package has an accessor
// for its typed payload (Result.Data); Details is only the report's JSON view of it.
func TestNothingReadsDetailsByKey(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if ta, ok := n.(*ast.TypeAssertExpr); ok && indexesDetails(ta.X) {
				t.Errorf("%s: a type asserted on a Details key: read the check's payload through its accessor", fset.Position(ta.Pos()))
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// indexesDetails reports whether e is x.Details[key].
func indexesDetails(e ast.Expr) bool {
	ix, ok := e.(*ast.IndexExpr)
	if !ok {
		return false
	}
	sel, ok := ix.X.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Details"
}
