// Draws the dashboard's charts with Chart.js from the JSON in each canvas's data-chart attribute (written by the
// server, see DashboardCharts). The numbers are in the table under each chart: without this script the page
// shows those alone.
(function () {
  var palette = ['#0b6e4f', '#3b82c4', '#d98b2b', '#8e5bb5', '#c0392b', '#5b6876'];
  var targetColour = '#b3261e';

  function dataset(series, index, chart) {
    var colour = series.kind === 'target' ? targetColour : palette[index % palette.length];
    var set = {
      label: series.label,
      data: series.data,
      type: series.kind === 'bar' ? 'bar' : 'line',
      backgroundColor: colour,
      borderColor: colour,
      // targets and lines stand apart from the stacked bars
      stack: series.kind === 'bar' ? 'bars' : series.label
    };
    if (series.kind !== 'bar') {
      set.fill = false;
      set.borderWidth = 2;
      set.pointRadius = 3;
      set.order = -1;
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

  function draw(canvas) {
    var chart = JSON.parse(canvas.dataset.chart);
    var valueAxis = chart.horizontal ? 'x' : 'y';
    var scales = {
      x: {stacked: chart.stacked},
      y: {stacked: chart.stacked}
    };
    scales[valueAxis].beginAtZero = true;
    scales[valueAxis].ticks = {precision: 0};
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
