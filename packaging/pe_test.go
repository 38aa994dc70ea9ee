package packaging

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"fmt"
	"unicode/utf16"
)

// Resource types (winuser.h RT_*).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// resource is one leaf of a PE resource tree: type / name (or id) / language.
type resource struct {
	typ, id, lang uint32
	data          []byte
}

// peResources reads the resource directory of f (IMAGE_DIRECTORY_ENTRY_RESOURCE) into its
// leaves, as Windows Explorer does to show the icon and the Details tab.
func peResources(f *pe.File) ([]resource, error) {
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return nil, fmt.Errorf("not PE32+: optional header %T", f.OptionalHeader)
	}
	dir := oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	if dir.VirtualAddress == 0 || dir.Size == 0 {
		return nil, fmt.Errorf("no resource directory")
	}
	rsrc, err := sectionBytes(f, dir.VirtualAddress)
	if err != nil {
		return nil, fmt.Errorf("resource directory: %w", err)
	}
	r := rsrcReader{f: f, b: rsrc}
	var out []resource
	types, err := r.entries(0)
	if err != nil {
		return nil, err
	}
	for _, t := range types {
		names, err := r.subdir(t)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			langs, err := r.subdir(n)
			if err != nil {
				return nil, err
			}
			for _, l := range langs {
				data, err := r.leaf(l)
				if err != nil {
					return nil, fmt.Errorf("resource %d/%d/%d: %w", t.id, n.id, l.id, err)
				}
				out = append(out, resource{typ: t.id, id: n.id, lang: l.id, data: data})
			}
		}
	}
	return out, nil
}

// sectionBytes returns the bytes of f from the relative virtual address rva to the end of its
// section.
func sectionBytes(f *pe.File, rva uint32) ([]byte, error) {
	for _, s := range f.Sections {
		if rva >= s.VirtualAddress && rva < s.VirtualAddress+s.VirtualSize {
			data, err := s.Data()
			if err != nil {
				return nil, fmt.Errorf("section %s: %w", s.Name, err)
			}
			off := rva - s.VirtualAddress
			if int(off) > len(data) {
				return nil, fmt.Errorf("rva %#x beyond the data of section %s", rva, s.Name)
			}
			return data[off:], nil
		}
	}
	return nil, fmt.Errorf("rva %#x is in no section", rva)
}

// rsrcReader walks IMAGE_RESOURCE_DIRECTORY tables; offsets are from the directory's start.
type rsrcReader struct {
	f *pe.File
	b []byte
}

// rsrcEntry is an IMAGE_RESOURCE_DIRECTORY_ENTRY (a named entry keeps its name's offset as id).
type rsrcEntry struct {
	id, offset uint32
	isDir      bool
}

const highBit = 1 << 31

func (r rsrcReader) entries(off uint32) ([]rsrcEntry, error) {
	if int(off)+16 > len(r.b) {
		return nil, fmt.Errorf("resource directory at %#x is cut short", off)
	}
	named := binary.LittleEndian.Uint16(r.b[off+12:])
	ids := binary.LittleEndian.Uint16(r.b[off+14:])
	n := uint32(named) + uint32(ids)
	if int(off+16+8*n) > len(r.b) {
		return nil, fmt.Errorf("resource directory at %#x: %d entries do not fit", off, n)
	}
	out := make([]rsrcEntry, n)
	for i := range n {
		e := r.b[off+16+8*i:]
		name, to := binary.LittleEndian.Uint32(e), binary.LittleEndian.Uint32(e[4:])
		out[i] = rsrcEntry{id: name &^ highBit, offset: to &^ highBit, isDir: to&highBit != 0}
	}
	return out, nil
}

func (r rsrcReader) subdir(e rsrcEntry) ([]rsrcEntry, error) {
	if !e.isDir {
		return nil, fmt.Errorf("resource entry %d: a leaf where a directory belongs", e.id)
	}
	return r.entries(e.offset)
}

// leaf reads an IMAGE_RESOURCE_DATA_ENTRY: the data's RVA and size.
func (r rsrcReader) leaf(e rsrcEntry) ([]byte, error) {
	if e.isDir || int(e.offset)+16 > len(r.b) {
		return nil, fmt.Errorf("bad data entry at %#x", e.offset)
	}
	rva := binary.LittleEndian.Uint32(r.b[e.offset:])
	size := binary.LittleEndian.Uint32(r.b[e.offset+4:])
	data, err := sectionBytes(r.f, rva)
	if err != nil {
		return nil, err
	}
	if int(size) > len(data) {
		return nil, fmt.Errorf("data of %d bytes at %#x overruns its section", size, rva)
	}
	return data[:size], nil
}

// fixedFileVersion reads VS_VERSIONINFO's VS_FIXEDFILEINFO: the file version as a.b.c.d.
func fixedFileVersion(vi []byte) (string, error) {
	key := utf16le("VS_VERSION_INFO")
	if len(vi) < 6+len(key) || !bytes.Equal(vi[6:6+len(key)], key) {
		return "", fmt.Errorf("no VS_VERSION_INFO key")
	}
	off := (6 + len(key) + 2 + 3) &^ 3 // the key's NUL, then padding to 32 bits
	if len(vi) < off+52 {
		return "", fmt.Errorf("VS_FIXEDFILEINFO is cut short")
	}
	ffi := vi[off:]
	if sig := binary.LittleEndian.Uint32(ffi); sig != 0xFEEF04BD {
		return "", fmt.Errorf("VS_FIXEDFILEINFO signature %#x", sig)
	}
	ms, ls := binary.LittleEndian.Uint32(ffi[8:]), binary.LittleEndian.Uint32(ffi[12:])
	return fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff), nil
}

// versionString finds the value of key (ProductName, ProductVersion …) in VS_VERSIONINFO's
// StringFileInfo: the key in UTF-16, NUL, padding, then the value up to its NUL.
func versionString(vi []byte, key string) (string, bool) {
	k := append(utf16le(key), 0, 0)
	i := bytes.Index(vi, k)
	if i < 0 {
		return "", false
	}
	i += len(k)
	for i%4 != 0 && i < len(vi) && vi[i] == 0 {
		i++
	}
	var u []uint16
	for ; i+1 < len(vi); i += 2 {
		c := binary.LittleEndian.Uint16(vi[i:])
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u)), true
}

func utf16le(s string) []byte {
	var b []byte
	for _, c := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	return b
}
