package packaging

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// member is one file of a bundle as IT sees it after unpacking.
type member struct {
	mode fs.FileMode
	data []byte
}

// bundle is an unpacked archive: its files by slash path, and the archive's file name.
type bundle struct {
	name  string
	files map[string]member
}

// file returns the member at p or fails the test.
func (b bundle) file(t *testing.T, p string) member {
	t.Helper()
	m, ok := b.files[p]
	if !ok {
		t.Fatalf("%s has no %s; it has: %s", b.name, p, strings.Join(b.names(), ", "))
	}
	return m
}

// glob returns the paths matching pattern (path.Match syntax).
func (b bundle) glob(pattern string) []string {
	var out []string
	for _, p := range b.names() {
		if ok, _ := path.Match(pattern, p); ok {
			out = append(out, p)
		}
	}
	return out
}

func (b bundle) names() []string {
	var out []string
	for p := range b.files {
		out = append(out, p)
	}
	return out
}

// readTarXZ reads a .tar.xz through xz(1), the tool IT unpacks it with.
func readTarXZ(t *testing.T, file string) bundle {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "xz", "-dc", file)
	cmd.Stderr = &stderr
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("xz -dc %s: %v: %s", file, err, stderr.String())
	}
	b := bundle{name: filepath.Base(file), files: map[string]member{}}
	tr := tar.NewReader(bytes.NewReader(raw))
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return b
		}
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatalf("%s: %s: %v", file, h.Name, err)
		}
		b.files[path.Clean(h.Name)] = member{mode: h.FileInfo().Mode(), data: data}
	}
}

// readZip reads a .zip as Explorer's "Extract all" does.
func readZip(t *testing.T, file string) bundle {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatalf("open %s: %v", file, err)
	}
	defer zr.Close()
	b := bundle{name: filepath.Base(file), files: map[string]member{}}
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		data, err := readZipFile(f)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		b.files[path.Clean(f.Name)] = member{mode: f.Mode(), data: data}
	}
	return b
}

func readZipFile(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	return data, nil
}
