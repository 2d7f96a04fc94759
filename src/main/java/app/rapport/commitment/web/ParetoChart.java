package app.rapport.commitment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import app.rapport.commitment.Attainment;

/**
 * The geometry of the Pareto chart of breach reasons, drawn by the template as inline SVG: bars largest
 * first on a count axis (left) and the running share as a line on a 0–100 % axis (right).
 */
record ParetoChart(int width, int height, int left, int right, int top, int bottom, List<Bar> bars, String line,
		List<Tick> countTicks, List<Tick> percentTicks) {

	static final int WIDTH = 760;

	static final int HEIGHT = 380;

	static final int LEFT = 56;

	static final int RIGHT = 56;

	static final int TOP = 20;

	static final int BOTTOM = 120;

	static final int MAX_LABEL = 22;

	/** One bar: its rectangle, its label under the axis, and the point of the cumulative line above it. */
	record Bar(String reasonKey, String label, String shortLabel, long count, double percent, double cumulativePercent,
			double x, double y, double barWidth, double barHeight, double centerX, double lineY, double labelY) {

		public boolean unexplained() {
			return reasonKey == null;
		}

	}

	/** An axis tick: the value printed and its height. */
	record Tick(String text, double y) {
	}

	public int plotBottom() {
		return height - bottom;
	}

	public int plotRight() {
		return width - right;
	}

	static ParetoChart of(List<Attainment.ParetoBar> data, String unexplainedLabel) {
		double plotWidth = WIDTH - LEFT - RIGHT;
		double plotHeight = HEIGHT - TOP - BOTTOM;
		long max = data.stream().mapToLong(Attainment.ParetoBar::count).max().orElse(1);
		long axisMax = niceCeiling(Math.max(1, max));
		double slot = data.isEmpty() ? plotWidth : plotWidth / data.size();
		double barWidth = slot * 0.7;
		List<Bar> bars = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < data.size(); i++) {
			Attainment.ParetoBar b = data.get(i);
			double h = plotHeight * b.count() / axisMax;
			double x = LEFT + slot * i + (slot - barWidth) / 2;
			double cx = LEFT + slot * i + slot / 2;
			double lineY = TOP + plotHeight * (1 - b.cumulativePercent() / 100.0);
			String label = b.reasonKey() == null ? unexplainedLabel : b.label();
			String shortLabel = label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 1) + "…" : label;
			bars.add(new Bar(b.reasonKey(), label, shortLabel, b.count(), b.percent(), b.cumulativePercent(), round(x),
					round(TOP + plotHeight - h), round(barWidth), round(h), round(cx), round(lineY),
					HEIGHT - BOTTOM + 14));
			line.append(line.isEmpty() ? "" : " ").append(fmt(cx)).append(',').append(fmt(lineY));
		}
		List<Tick> counts = new ArrayList<>();
		List<Tick> percents = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			double y = round(TOP + plotHeight * (1 - i / 4.0));
			counts.add(new Tick(String.valueOf(axisMax * i / 4), y));
			percents.add(new Tick((25 * i) + " %", y));
		}
		return new ParetoChart(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, List.copyOf(bars), line.toString(),
				List.copyOf(counts), List.copyOf(percents));
	}

	/** The smallest multiple of 4 not below {@code n}, so that the four count ticks are whole numbers. */
	static long niceCeiling(long n) {
		return ((n + 3) / 4) * 4;
	}

	private static double round(double v) {
		return Math.round(v * 10) / 10.0;
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

}
