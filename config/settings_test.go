package config

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Every key the file may hold is listed by Settings: a key added to the file's shape and not
// to the list would be invisible to IT.
func TestSettingsCoverEveryKey(t *testing.T) {
	var want []string
	var walk func(prefix string, typ reflect.Type)
	walk = func(prefix string, typ reflect.Type) {
		for i := range typ.NumField() {
			f := typ.Field(i)
			name := prefix + f.Tag.Get("toml")
			if f.Type.Kind() == reflect.Struct {
				walk(name+".", f.Type)
				continue
			}
			want = append(want, name)
		}
	}
	walk("", reflect.TypeFor[file]())
	got := []string{}
	for _, k := range keys {
		got = append(got, k.name)
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("Settings lists %v,\nthe file has %v", got, want)
	}
}

func TestSettingsSayWhereEachValueComesFrom(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	text := strings.Join([]string{
		"# IT's file",
		`language = "ja"`,
		"",
		"[network]",
		"allowed_networks = [",
		`  "203.0.113.0/24",`,
		"]",
		"[clock]",
		"warn_seconds = 5",
		"[playbook]",
		"hidden_symptoms = []",
	}, "\n") + "\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	settings, err := Settings(cfg)
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]Setting{}
	for _, s := range settings {
		byKey[s.Key] = s
	}
	tests := []struct {
		key   string
		value any
		from  string
	}{
		{"language", "ja", path + ":2"},
		{"network.allowed_networks", []string{"203.0.113.0/24"}, path + ":5"},
		{"clock.warn_seconds", 5.0, path + ":9"},
		{"clock.fail_seconds", 30.0, "default"},
		{"network.endpoints", Default().Network.Endpoints, "default"},
		{"playbook.hidden_symptoms", []string{}, path + ":11"},
		{"helpdesk.email", "", "default"},
	}
	for _, tt := range tests {
		s := byKey[tt.key]
		if !reflect.DeepEqual(s.Value, tt.value) || s.From != tt.from {
			t.Errorf("%s = %#v from %q, want %#v from %q", tt.key, s.Value, s.From, tt.value, tt.from)
		}
	}
}

func TestSettingsOfTheDefaults(t *testing.T) {
	settings, err := Settings(Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range settings {
		if s.From != "default" {
			t.Errorf("%s from %q, want default: there is no file", s.Key, s.From)
		}
	}
}
