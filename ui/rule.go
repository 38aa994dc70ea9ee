package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rule is the line under a page's title: Fyne's separator, drawn with rounded ends. Fyne's
// OpenGL painter draws a rectangle with square corners with a shader that nothing else on the
// home page uses (buttons, fields and the scroll bar are rounded), and under software OpenGL
// (Mesa's llvmpipe: a VM, a remote desktop, a PC without a GPU driver) compiling a shader is
// tens of milliseconds of the first start (README, Performance). At the separator's thickness
// the rounding is not seen.
type rule struct {
	widget.BaseWidget
}

func newRule() *rule {
	r := &rule{}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the line in the theme's separator colour.
func (r *rule) CreateRenderer() fyne.WidgetRenderer {
	line := &ruleRenderer{rule: r, bar: canvas.NewRectangle(nil)}
	line.Refresh()
	return line
}

type ruleRenderer struct {
	rule *rule
	bar  *canvas.Rectangle
}

func (l *ruleRenderer) thickness() float32 {
	return l.rule.Theme().Size(theme.SizeNameSeparatorThickness)
}

func (l *ruleRenderer) Layout(size fyne.Size) { l.bar.Resize(size) }

// MinSize is the separator's.
func (l *ruleRenderer) MinSize() fyne.Size { return fyne.NewSquareSize(l.thickness()) }

func (l *ruleRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{l.bar} }

// Refresh follows the theme, as Fyne's separator does.
func (l *ruleRenderer) Refresh() {
	l.bar.FillColor = l.rule.Theme().Color(theme.ColorNameSeparator, fyne.CurrentApp().Settings().ThemeVariant())
	l.bar.CornerRadius = l.thickness() / 2
	l.bar.Refresh()
}

func (l *ruleRenderer) Destroy() {}
