import type { Texts } from '../catalog.js';

export const help: Texts['help'] = {
  heading: (command) => `*${command}* — 인시던트 대응`,
  fallback: (command, names) => `${command} 명령: ${names}`,
  alsoNamed: (name) => `영문 \`${name}\``,
  subcommands: {
    declare: { args: '[sev1|sev2|sev3] [제목]', does: '인시던트를 선언합니다 (입력한 내용이 채워진 양식이 열립니다)' },
    update: { args: '', does: '상황 업데이트를 게시합니다 (양식이 열립니다)' },
    severity: { args: '<sev1|sev2|sev3>', does: '심각도와 업데이트 주기를 바꿉니다' },
    status: { args: '<investigating|identified|monitoring>', does: '상태를 바꿉니다 (조사 중, 원인 파악, 모니터링)' },
    assign: { args: '<commander|comms|scribe> @사용자', does: '역할을 배정합니다 (커맨더, 커뮤니케이션, 기록 담당)' },
    note: {
      args: '[시각] <내용>',
      does: '타임라인에 메모를 남깁니다. 앞에 `14:23`, `yesterday 23:50`, `2024-11-22 14:23`(내 시간대)을 쓰면 그 시각에 일어난 일로 기록됩니다',
    },
    timeline: { args: '[add|<페이지>]', does: '타임라인을 보고 항목을 고치거나 지웁니다. `add`는 마일스톤이 있는 항목을 추가하는 양식을 엽니다' },
    scenario: { args: '<database|redis|deploy|overload|other>', does: '시나리오를 바꿉니다. 사후 분석 초안이 그 템플릿을 따릅니다' },
    resolve: { args: '', does: '인시던트를 해결 처리합니다 (양식이 열립니다)' },
    reopen: { args: '', does: '해결된 인시던트를 다시 엽니다' },
    checklist: { args: '', does: '인시던트의 체크리스트를 나에게만 보여 줍니다 (완료, 건너뛰기, 담당 지정, 실행 취소 버튼)' },
    task: { args: '<내용> [@사람]', does: '인시던트 자체의 작업(Tasks) 체크리스트에 항목을 추가합니다. 사람을 지정하면 담당으로 배정됩니다' },
    runbook: { args: '[<id>]', does: 'id로 런북을 연결합니다. id 없이 쓰면 런북 목록을 보여 줍니다' },
    followup: { args: '[제목]', does: '사후 분석용 후속 조치를 추가합니다 (제목이 채워진 양식이 열립니다)' },
    followups: { args: '', does: '후속 조치를 담당자와 기한과 함께 보여 주고 완료 표시를 합니다' },
    postmortem: {
      args: '[en|ko] [internal|external]',
      does: '사후 분석 초안(내부용, 또는 고객용 external)을 다시 씁니다. 채널의 현재 초안을 대체합니다',
    },
    list: { args: '', does: '진행 중인 인시던트 목록을 봅니다' },
    insights: {
      args: '[7d|28d|90d] [sev1|sev2|sev3]',
      does: '심각도별 탐지, 인지, 완화, 해결까지 걸린 시간과 사람별 부담, 후속 조치를 나에게만 보여 줍니다 (기본 최근 28일)',
    },
    help: { args: '', does: '이 도움말을 봅니다' },
  },
};
