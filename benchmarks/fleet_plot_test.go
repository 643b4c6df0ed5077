// This file holds the fleet simulation's plot: a hand-written SVG of the
// load the API receives, second by second, through the outage, one line
// per contender, committed as testdata/fleet.svg for the README.

package benchmarks

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The plot's frame, in SVG user units: the plotting area's edges and the
// load at its top.
const (
	plotWidth, plotHeight = 760, 450
	plotLeft, plotRight   = 72, 740
	plotTop, plotBottom   = 48, 360
	plotMaxLoad           = 7000 // requests/s
)

// seriesStyle draws each contender so that lines that coincide stay
// visible: without a working budget three contenders send exactly the same
// load, so a wide pale line carries a dashed one and a dotted one.
var seriesStyle = map[string]string{
	"apierr":            `stroke="#1565c0" stroke-width="2"`,
	"apierr, no budget": `stroke="#c62828" stroke-width="6" stroke-opacity="0.3"`,
	"go-retryablehttp":  `stroke="#ef6c00" stroke-width="2" stroke-dasharray="8 6"`,
	"failsafe-go":       `stroke="#2e7d32" stroke-width="1.5" stroke-dasharray="2 4"`,
}

func plotX(t time.Duration, span time.Duration) float64 {
	return plotLeft + float64(plotRight-plotLeft)*t.Seconds()/span.Seconds()
}

func plotY(load float64) float64 {
	return plotBottom - float64(plotBottom-plotTop)*min(load, plotMaxLoad)/plotMaxLoad
}

// seriesPoints is a run's polyline: the API's load in each second while
// the callers send, at the middle of that second.
func seriesPoints(r *fleetRun) string {
	var b strings.Builder
	span := r.scenario.duration
	for i := range int(span / bin) {
		if i > 0 {
			b.WriteByte(' ')
		}
		x := plotX(time.Duration(i)*bin+bin/2, span)
		fmt.Fprintf(&b, "%.1f,%.1f", x, plotY(float64(at(r.received, i))/bin.Seconds()))
	}
	return b.String()
}

// plotOutage draws runs, each contender's through the same outage.
func plotOutage(runs []*fleetRun) []byte {
	s := runs[0].scenario
	span, rate := s.duration, s.rate
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" `+
		`font-family="Helvetica, Arial, sans-serif" font-size="12" fill="#333">`,
		plotWidth, plotHeight, plotWidth, plotHeight)
	p(`<title>Requests the API receives per second through a %d s outage, `+
		`callers sending %s requests/s</title>`,
		(s.answer.outageTo-s.answer.outageFrom)/time.Second, thousands(int(rate)))
	p(`<rect width="%d" height="%d" fill="#fff"/>`, plotWidth, plotHeight)
	p(`<text x="%d" y="24" font-size="14" font-weight="bold">Requests the API receives `+
		`per second, callers sending %s/s</text>`, plotLeft, thousands(int(rate)))

	x0, x1 := plotX(s.answer.outageFrom, span), plotX(s.answer.outageTo, span)
	p(`<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="#fbe3e3"/>`,
		x0, plotTop, x1-x0, plotBottom-plotTop)
	p(`<text x="%.1f" y="%d" fill="#a33">outage: every request answered 503</text>`,
		x0+8, plotTop+16)

	for load := 0; load <= plotMaxLoad; load += 1000 {
		y := plotY(float64(load))
		p(`<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>`, plotLeft, y, plotRight, y)
		p(`<text x="%d" y="%.1f" text-anchor="end">%s</text>`, plotLeft-6, y+4, thousands(load))
	}
	for t := time.Duration(0); t <= span; t += 30 * time.Second {
		x := plotX(t, span)
		p(`<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#999"/>`, x, plotBottom, x, plotBottom+5)
		p(`<text x="%.1f" y="%d" text-anchor="middle">%d s</text>`, x, plotBottom+18, t/time.Second)
	}
	p(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#999"/>`,
		plotLeft, plotBottom, plotRight, plotBottom)
	p(`<text x="%d" y="%d" text-anchor="middle">virtual time</text>`,
		(plotLeft+plotRight)/2, plotBottom+38)
	p(`<text transform="translate(18 %d) rotate(-90)" text-anchor="middle">`+
		`requests the API receives per second</text>`, (plotTop+plotBottom)/2)
	p(`<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#666" stroke-dasharray="3 3"/>`,
		plotLeft, plotY(rate), plotRight, plotY(rate))

	p(`<g id="series" fill="none" stroke-linejoin="round">`)
	for _, r := range runs {
		p(`<polyline data-contender="%s" %s points="%s"/>`, r.contender, seriesStyle[r.contender],
			seriesPoints(r))
	}
	p(`</g>`)

	// The legend is a row below the plot: inside it, any corner is crossed
	// by some contender's line.
	p(`<g id="legend">`)
	lx, ly := float64(plotLeft), plotBottom+74
	for _, r := range runs {
		p(`<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" %s/>`,
			lx, ly-4, lx+28, ly-4, seriesStyle[r.contender])
		p(`<text x="%.1f" y="%d">%s</text>`, lx+34, ly, r.contender)
		lx += 46 + 7*float64(len(r.contender))
	}
	p(`<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#666" stroke-dasharray="3 3"/>`,
		lx, ly-4, lx+28, ly-4)
	p(`<text x="%.1f" y="%d">the callers' rate</text>`, lx+34, ly)
	p(`</g>`)
	p(`</svg>`)
	return []byte(b.String())
}

// thousands writes n with a space between thousands: 7 000.
func thousands(n int) string {
	if n < 1000 {
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("%d %03d", n/1000, n%1000)
}

// plotFile is the SVG as TestFleetPlot reads it back.
type plotFile struct {
	XMLName xml.Name `xml:"svg"`
	Series  []struct {
		Contender string `xml:"data-contender,attr"`
		Points    string `xml:"points,attr"`
	} `xml:"g>polyline"`
}

// TestFleetPlot checks testdata/fleet.svg, the README's plot: that it
// parses and holds a line for each contender, a point for each second of
// the outage scenario, within the frame. With -fleet.full, which runs the
// outage at 1 000 requests/s, it compares the whole file (-update
// rewrites it).
func TestFleetPlot(t *testing.T) {
	path := filepath.Join("testdata", "fleet.svg")
	if *fleetFull {
		var runs []*fleetRun
		for _, c := range fleetContenders {
			runs = append(runs, outageOf(c))
		}
		checkGolden(t, path, plotOutage(runs))
	}
	raw, err := os.ReadFile(path)
	require.NoError(t, err, "go test -fleet.full -update writes it")
	var plot plotFile
	require.NoError(t, xml.Unmarshal(raw, &plot))
	require.Len(t, plot.Series, len(fleetContenders))
	for i, c := range fleetContenders {
		s := plot.Series[i]
		assert.Equal(t, c.name, s.Contender)
		points := strings.Fields(s.Points)
		assert.Len(t, points, int(outage.duration/bin), "%s: a point a second", c.name)
		for _, p := range points {
			var x, y float64
			_, err := fmt.Sscanf(p, "%f,%f", &x, &y)
			require.NoError(t, err, "%s: point %q", c.name, p)
			require.True(t, x >= plotLeft && x <= plotRight && y >= plotTop && y <= plotBottom,
				"%s: point %q within the frame", c.name, p)
		}
	}
}
