package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// What a screen reader is told. Fyne 2.8's desktop drivers (UI Automation on Windows,
// NSAccessibility on macOS, with the build tag accessibility) hand the system a flat list of
// elements, each an object that implements fyne.Accessible (a label and a role), found by
// walking the window's content, its menu and its overlays — but descending only into
// *fyne.Container children. A widget's inside is never walked: what a widget holds is heard
// only if the widget says it in its own label, and what a container.Scroll holds is not heard
// at all. a11yElements is that walk, so that a test hears what NVDA, Narrator or VoiceOver
// hear; the page body's scroll gets a mirror (scrollMirror) that lists what it holds.

// a11yElement is one entry of the list a screen reader gets.
type a11yElement struct {
	obj   fyne.CanvasObject // the object itself, or the object a mirror's proxy stands for
	label string
	role  fyne.AccessibleRole
	pos   fyne.Position // where it is drawn, relative to the walk's root
}

// a11yElements lists, in reading order, what the desktop drivers of Fyne 2.8.1 tell a screen
// reader about root and everything under it (internal/driver/glfw/accessibility_windows.go,
// collectAccessibleElements): visible objects only, containers walked but not listed.
func a11yElements(root fyne.CanvasObject) []a11yElement {
	var out []a11yElement
	var walk func(o fyne.CanvasObject, at fyne.Position)
	walk = func(o fyne.CanvasObject, at fyne.Position) {
		if o == nil || !o.Visible() {
			return
		}
		pos := at.Add(o.Position())
		if a, ok := o.(fyne.Accessible); ok && a.AccessibilityRole() != fyne.AccessibleRoleContainer {
			el := a11yElement{obj: o, label: a.AccessibilityLabel(), role: a.AccessibilityRole(), pos: pos}
			if p, ok := o.(*a11yProxy); ok {
				el.obj = p.target
			}
			out = append(out, el)
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, child := range c.Objects {
				walk(child, pos)
			}
		}
	}
	walk(root, fyne.Position{})
	return out
}

// accessible is a canvas object a screen reader can be told about.
type accessible interface {
	fyne.CanvasObject
	fyne.Accessible
}

// scrollMirror makes what scroll holds heard: a container laid over the scroll (in a Stack)
// with one proxy per element of its content. A proxy draws nothing and takes no input (it is
// neither a widget nor tappable), and says its target's label and role at its target's place
// on screen; sync makes the proxies again when the content's structure changes.
type scrollMirror struct {
	*fyne.Container
	scroll *pageScroll
}

// newScrollMirror returns the scroll and its mirror stacked, ready to be put in the window.
func newScrollMirror(scroll *pageScroll) fyne.CanvasObject {
	m := &scrollMirror{Container: container.New(stillLayout{}), scroll: scroll}
	m.sync()
	return container.NewStack(scroll, m.Container)
}

// sync makes one proxy for each element the content would give if it were not in a scroll.
// It also has every container of the content call it again after laying itself out, which a
// container does whenever objects are added to it or removed from it, so that the mirror
// follows the content.
func (m *scrollMirror) sync() {
	var proxies []fyne.CanvasObject
	var walk func(o fyne.CanvasObject, path []fyne.CanvasObject)
	walk = func(o fyne.CanvasObject, path []fyne.CanvasObject) {
		if o == nil {
			return
		}
		if a, ok := o.(accessible); ok && a.AccessibilityRole() != fyne.AccessibleRoleContainer {
			proxies = append(proxies, &a11yProxy{target: a, path: path})
		}
		if c, ok := o.(*fyne.Container); ok {
			m.follow(c)
			inner := append(path[:len(path):len(path)], c)
			for _, child := range c.Objects {
				walk(child, inner)
			}
		}
	}
	walk(m.scroll.Content, nil)
	m.Objects = proxies
}

// follow has c call sync after each of its layouts.
func (m *scrollMirror) follow(c *fyne.Container) {
	switch l := c.Layout.(type) {
	case nil:
	case syncingLayout:
		if l.mirror != m { // the page is shown again: its old mirror is gone
			c.Layout = syncingLayout{inner: l.inner, mirror: m}
		}
	default:
		c.Layout = syncingLayout{inner: l, mirror: m}
	}
}

// a11yProxy stands, in a scrollMirror, for one accessible object of the scroll's content.
type a11yProxy struct {
	target accessible
	path   []fyne.CanvasObject // the containers from the content down to the target's parent
}

// Position is where the target is drawn, relative to the scroll: the scroll moves its content
// by its offset, so the content's own position already holds it.
func (p *a11yProxy) Position() fyne.Position {
	var pos fyne.Position
	for _, c := range p.path {
		pos = pos.Add(c.Position())
	}
	return pos.Add(p.target.Position())
}

// Visible is whether the target and every container around it are shown.
func (p *a11yProxy) Visible() bool {
	for _, c := range p.path {
		if !c.Visible() {
			return false
		}
	}
	return p.target.Visible()
}

// AccessibilityLabel is the target's, read when the screen reader asks, so it is never stale.
func (p *a11yProxy) AccessibilityLabel() string { return p.target.AccessibilityLabel() }

// AccessibilityRole is the target's.
func (p *a11yProxy) AccessibilityRole() fyne.AccessibleRole { return p.target.AccessibilityRole() }

// Size is the target's.
func (p *a11yProxy) Size() fyne.Size { return p.target.Size() }

// MinSize is zero: a proxy takes no room.
func (p *a11yProxy) MinSize() fyne.Size { return fyne.Size{} }

// Move does nothing: a proxy is where its target is.
func (p *a11yProxy) Move(fyne.Position) {}

// Resize does nothing: a proxy is the size of its target.
func (p *a11yProxy) Resize(fyne.Size) {}

// Hide does nothing: a proxy is shown when its target is.
func (p *a11yProxy) Hide() {}

// Show does nothing: a proxy is shown when its target is.
func (p *a11yProxy) Show() {}

// Refresh does nothing: a proxy draws nothing.
func (p *a11yProxy) Refresh() {}

// stillLayout leaves its objects where they are: a mirror's proxies place themselves.
type stillLayout struct{}

func (stillLayout) Layout([]fyne.CanvasObject, fyne.Size) {}

func (stillLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

// syncingLayout is a container's own layout, after which its mirror syncs.
type syncingLayout struct {
	inner  fyne.Layout
	mirror *scrollMirror
}

func (l syncingLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.inner.Layout(objects, size)
	l.mirror.sync()
}

func (l syncingLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return l.inner.MinSize(objects)
}
