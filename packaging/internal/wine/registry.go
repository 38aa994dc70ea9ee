package wine

import (
	"context"
	"testing"
	"time"
)

// RegValue is one registry value as `reg add` writes it: Name "" is the key's default value;
// Type is REG_SZ when empty (REG_DWORD, REG_EXPAND_SZ …).
type RegValue struct {
	Key, Name, Type, Data string
}

// RegAdd writes values into the prefix's registry with Wine's own reg.exe, as an installer
// or a group policy leaves them: the program reads them through the real registry API.
func (p *Prefix) RegAdd(t testing.TB, values ...RegValue) {
	t.Helper()
	for _, v := range values {
		args := []string{"add", v.Key}
		if v.Name == "" {
			args = append(args, "/ve")
		} else {
			args = append(args, "/v", v.Name)
		}
		typ := v.Type
		if typ == "" {
			typ = "REG_SZ"
		}
		args = append(args, "/t", typ, "/d", v.Data, "/f")
		p.reg(t, args...)
	}
}

func (p *Prefix) reg(t testing.TB, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := p.Command(ctx, "C.UTF-8", "reg", args)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("wine reg %v: %v\n%s", args, err, out)
	}
}
