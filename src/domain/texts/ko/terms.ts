import type { Texts } from '../catalog.js';

export const terms: Texts['terms'] = {
  status: { investigating: '조사 중', identified: '원인 파악', monitoring: '모니터링', resolved: '해결됨' },
  role: { commander: '인시던트 커맨더', comms: '커뮤니케이션 담당', scribe: '기록 담당' },
  scenario: {
    database: '데이터베이스 장애',
    redis: 'Redis / 처리율 제한 백엔드 장애',
    deploy: '배포 / 릴리스 인시던트',
    overload: '과부하 / 트래픽 급증',
    other: '기타',
  },
  severityMeaning: {
    sev1: '전면 장애 또는 심각한 데이터 무결성 위험',
    sev2: '핵심 업무 흐름의 큰 성능 저하',
    sev3: '우회 방법이 있는 부분적 성능 저하',
  },
  reportField: {
    sev1: {
      impact_scope: { label: '현재 영향 범위', hint: '영향받는 엔드포인트, 서비스, 리전' },
      customer_impact: { label: '고객 영향', hint: '지금 고객에게 보이는 현상' },
      workaround: { label: '우회 불가 여부', hint: '정말 우회 방법이 없는지 분명히 적어 주세요' },
      mitigation_eta: { label: '임시조치 ETA', hint: '피해가 멈추는 시각. 예: 15:30 KST 또는 "미정"' },
      recovery_eta: { label: '최종 복구 ETA', hint: '서비스가 완전히 복구되는 시각' },
    },
    sev2: {
      impact_scope: { label: '주요 기능 영향 범위', hint: '성능이 저하된 핵심 업무 흐름' },
      workaround: { label: '우회 가능 여부', hint: '우회 방법이 있는지, 있다면 무엇인지' },
      recovery_eta: { label: '완화/복구 ETA', hint: '완화 또는 복구되는 시각' },
    },
    sev3: {
      impact_scope: { label: '부분 영향 범위', hint: '부분적으로 저하된 기능' },
      workaround: { label: '임시 우회 경로', hint: '사용자가 택할 우회 방법' },
      fix_schedule: { label: '영구 조치 일정', hint: '영구 조치가 반영되는 시점' },
    },
  },
};
