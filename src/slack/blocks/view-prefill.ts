import type { InputBlock, KnownBlock } from '@slack/types';
import {
  enteredText, selectedDate, selectedDateTime, selectedOption, selectedTime, selectedUser, type ViewStateValues,
} from './view-state.js';

/**
 * A rebuilt modal keeps what the person had entered: every input whose block and action ids are in
 * `values` (the view's `state.values` from Slack) starts at that value. An option no longer offered
 * is left unselected.
 */
export function withEnteredValues(blocks: KnownBlock[], values: ViewStateValues): KnownBlock[] {
  return blocks.map((block) => (block.type === 'input' ? prefilled(block, values) : block));
}

function prefilled(block: InputBlock, values: ViewStateValues): InputBlock {
  const { element } = block;
  const action = 'action_id' in element ? element.action_id : undefined;
  if (!block.block_id || !action) return block;
  const id = { block: block.block_id, action };
  switch (element.type) {
    case 'plain_text_input': {
      const value = enteredText(values, id);
      return value === undefined ? block : { ...block, element: { ...element, initial_value: value } };
    }
    case 'static_select': {
      const chosen = selectedOption(values, id);
      const offered = element.options?.find((o) => o.value === chosen);
      return offered ? { ...block, element: { ...element, initial_option: offered } } : block;
    }
    case 'radio_buttons': {
      const chosen = selectedOption(values, id);
      const offered = element.options.find((o) => o.value === chosen);
      return offered ? { ...block, element: { ...element, initial_option: offered } } : block;
    }
    case 'users_select': {
      const user = selectedUser(values, id);
      return user ? { ...block, element: { ...element, initial_user: user } } : block;
    }
    case 'datepicker': {
      const date = selectedDate(values, id);
      return date ? { ...block, element: { ...element, initial_date: date } } : block;
    }
    case 'timepicker': {
      const time = selectedTime(values, id);
      return time ? { ...block, element: { ...element, initial_time: time } } : block;
    }
    case 'datetimepicker': {
      const at = selectedDateTime(values, id);
      return at === undefined ? block : { ...block, element: { ...element, initial_date_time: at } };
    }
    default:
      return block;
  }
}
