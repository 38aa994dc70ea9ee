package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rule is the line under a page's title: Fyne's separator, drawn as a surface (surface.go), so
// that the home page's first frame needs no shader of Fyne's but the one text is drawn with.
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
	line := &ruleRenderer{rule: r, bar: newSurface()}
	line.Refresh()
	return line
}

type ruleRenderer struct {
	rule *rule
	bar  *surface
}

func (l *ruleRenderer) thickness() float32 {
	return l.rule.Theme().Size(theme.SizeNameSeparatorThickness)
}

func (l *ruleRenderer) Layout(size fyne.Size) { l.bar.place(fyne.NewPos(0, 0), size) }

// MinSize is the separator's.
func (l *ruleRenderer) MinSize() fyne.Size { return fyne.NewSquareSize(l.thickness()) }

func (l *ruleRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{l.bar.Raster} }

// Refresh follows the theme, as Fyne's separator does.
func (l *ruleRenderer) Refresh() {
	l.bar.setLook(rectLook{fill: rgba64(l.rule.Theme().Color(theme.ColorNameSeparator, fyne.CurrentApp().Settings().ThemeVariant()))})
}

func (l *ruleRenderer) Destroy() {}
