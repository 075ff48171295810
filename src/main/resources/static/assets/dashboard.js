// Draws the dashboard's charts with Chart.js from the JSON in each canvas's data-chart attribute (written by the
// server, see DashboardCharts). The numbers are in the table under each chart: without this script the page
// shows those alone.
(function () {
  var palette = ['#0b6e4f', '#3b82c4', '#d98b2b', '#8e5bb5', '#c0392b', '#5b6876'];
  var targetColour = '#b3261e';
  // a horizontal chart's height per category, so that every category keeps its label
  var rowHeight = 26;

  function dataset(series, index, chart) {
    var colour = series.kind === 'target' ? targetColour : palette[index % palette.length];
    var set = {
      label: series.label,
      data: series.data,
      type: series.kind === 'bar' ? 'bar' : 'line',
      backgroundColor: colour,
      borderColor: colour,
      // stacked bars share one column; others stand side by side, none hidden behind another
      stack: series.kind === 'bar' && chart.stacked ? 'bars' : series.label,
      // a category a series has no figure for gives its column to the others
      skipNull: true
    };
    if (series.secondAxis) {
      set[chart.horizontal ? 'xAxisID' : 'yAxisID'] = 'second';
    }
    if (series.kind !== 'bar') {
      set.fill = false;
      set.borderWidth = 2;
      set.pointRadius = 3;
      set.order = -1;
    }
    if (series.kind === 'mark') {
      // a mark of its own at its value, beside the bar, not a bar stacked on it
      set.showLine = false;
      set.pointStyle = 'rectRot';
      set.pointRadius = 7;
      set.pointHoverRadius = 8;
      set.backgroundColor = '#ffffff';
      set.borderWidth = 3;
    }
    if (series.kind === 'target') {
      set.borderDash = [6, 4];
      // a dash at the target's height; over a single category a line would have nothing to join
      set.pointStyle = 'line';
      set.pointRadius = chart.labels.length > 1 ? 0 : 24;
      set.pointBorderWidth = 2;
    }
    if (chart.horizontal) {
      set.maxBarThickness = 22;
    }
    return set;
  }

  function valueAxis(chart, title, position) {
    var axis = {stacked: chart.stacked, beginAtZero: true, ticks: {precision: 0}};
    if (title) {
      axis.title = {display: true, text: title};
    }
    if (position) {
      axis.position = position;
      axis.grid = {drawOnChartArea: false};
    }
    return axis;
  }

  function draw(canvas) {
    var chart = JSON.parse(canvas.dataset.chart);
    var titles = chart.axisTitles || [];
    var values = chart.horizontal ? 'x' : 'y';
    var categories = chart.horizontal ? 'y' : 'x';
    var scales = {};
    scales[categories] = {stacked: chart.stacked, ticks: {autoSkip: false}};
    scales[values] = valueAxis(chart, titles[0]);
    if (chart.series.some(function (series) { return series.secondAxis; })) {
      scales.second = valueAxis(chart, titles[1], chart.horizontal ? 'top' : 'right');
      scales.second.axis = values;
    }
    if (chart.horizontal) {
      var box = canvas.parentElement;
      var needed = chart.labels.length * rowHeight + 90;
      if (box.clientHeight < needed) {
        box.style.height = needed + 'px';
      }
    }
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: chart.labels,
        datasets: chart.series.map(function (series, index) { return dataset(series, index, chart); })
      },
      options: {
        indexAxis: chart.horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: scales,
        plugins: {legend: {display: chart.series.length > 1, position: 'bottom'}}
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof Chart === 'undefined') {
      return;
    }
    Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
  });
})();
