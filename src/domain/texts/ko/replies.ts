import type { Texts } from '../catalog.js';

export const replies: Texts['replies'] = {
  arrivedIncomplete: '이 명령에 사용자, 채널 또는 트리거 정보가 없어 아무것도 하지 않았습니다. Slack에서 다시 실행해 주세요.',
  unknownSubcommand: (typed, known, help) => `\`${typed}\`은(는) 알 수 없는 명령입니다. 다음 중 하나를 써 보세요: ${known}, 또는 \`${help}\`.`,
  notInIncidentChannel: (usage, list) => `\`${usage}\`은(는) 인시던트 채널에서만 쓸 수 있습니다. 그 채널에서 실행하거나, \`${list}\`로 채널을 찾으세요.`,
  stillWorking: ':hourglass_flowing_sand: 처리 중입니다. 평소보다 오래 걸리고 있습니다(데이터베이스나 Slack이 느림). 결과는 여기에 이어서 알려 드립니다.',
  done: '완료했습니다.',
  doneAlready: '이미 처리된 요청입니다.',
  somethingWentWrong: '봇 쪽에서 문제가 생겨 아무것도 바뀌지 않았습니다. 잠시 후 다시 시도하고, 계속 실패하면 인시던트 봇 운영자에게 알려 주세요.',
  savingFailed: '봇 쪽에서 저장에 실패해 아무것도 바뀌지 않았습니다. 잠시 후 다시 제출해 주세요.',
  typedToCopy: '입력한 내용(복사용):',
  typedToCopyNothingSaved: '입력한 내용(복사용, 저장되지 않음):',
  formNotOpened: 'Slack이 제시간에 양식을 열어 주지 않았습니다. 명령을 다시 실행해 주세요.',
};
