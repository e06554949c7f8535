import type { Texts } from '../catalog.js';

export const terms: Texts['terms'] = {
  status: { investigating: '조사 중', identified: '원인 파악', monitoring: '모니터링', resolved: '해결됨' },
  role: { commander: '인시던트 지휘자', comms: '커뮤니케이션 담당', scribe: '기록 담당' },
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
};
