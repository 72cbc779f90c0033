import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { useLang } from '../i18n/LangContext';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * The series colours: Okabe and Ito's palette, told apart with any common colour-vision deficiency (no red beside
 * green), dark enough against white for bars and lines. A chart that sets its own colours keeps them.
 */
export const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#999933', '#000000'];

/** A chart's figures as rows, for the table behind it. */
export type ChartTable = { head: string[]; rows: (string | number)[][] };

/**
 * An ECharts chart that follows its container's width; `label` names it for screen readers. A chart whose figures
 * are not already in a table beside it passes `table`: the same figures, one click away as a real table, for
 * screen readers and for anyone who wants the numbers rather than the bars.
 */
export function Chart({ option, label, height = 280, table }: { option: EChartsCoreOption; label: string; height?: number; table?: ChartTable }) {
  const { t } = useLang();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption({ color: palette, ...option });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  const chart = <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
  return !table ? chart : (
    <>
      {chart}
      <details className="chart-table">
        <summary>{t.chartAsTable}</summary>
        <table>
          <caption>{label}</caption>
          <thead><tr>{table.head.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
          <tbody>{table.rows.map((row, i) => <tr key={i}>{row.map((cell, j) => j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>)}</tr>)}</tbody>
        </table>
      </details>
    </>
  );
}
