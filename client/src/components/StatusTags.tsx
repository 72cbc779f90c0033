import { Tag } from 'antd';
import type { ScheduleStatus, TargetStatus } from '../api/gaoxin-client';
import type { Messages } from '../i18n/messages';

/** Colours that say how urgent a target's status is; the text says it too, so colour is never the only cue. */
export const statusColour: Record<TargetStatus, string> = {
  missed: 'red', late: 'volcano', atRisk: 'orange', noData: 'default', onTrack: 'blue', achieved: 'green',
};

/** A project's or milestone's schedule in words and a colour; never by colour alone. */
export function ScheduleTag({ status, t }: { status: ScheduleStatus; t: Messages }) {
  const color = { done: 'green', late: 'red', atRisk: 'orange', onTrack: 'blue', unscheduled: 'default' }[status];
  return <Tag color={color}>{t.scheduleStatus[status]}</Tag>;
}
