// What a hosted add-in's configuration must be beyond a valid file: Microsoft Graph rather than this
// computer, and a real Entra app. The production build (webpack.config.js) refuses to build with a
// configuration that fails this, and the production pane refuses to submit with one, so district
// data can only ever be posted to Microsoft Graph.
import type { Text } from '../standard/types';
import { ConfigError, isLoopback, type DelibConfig } from './index';

/** Graph hosts a deployment may name (Seoul's tenant is in the global cloud); one line per cloud. */
export const DEPLOYABLE_GRAPH_HOSTS: readonly string[] = ['graph.microsoft.com'];

/** An Entra application (client) id is a GUID. */
const CLIENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';

export function deploymentProblems(config: DelibConfig): Text[] {
  const problems: Text[] = [];
  const graph = new URL(config.graphRoot);
  if (isLoopback(config.graphRoot)) {
    problems.push({
      ko: `'graphRoot'가 이 컴퓨터(${config.graphRoot})를 가리킵니다. 배포에는 https://graph.microsoft.com/v1.0을 쓰세요.`,
      en: `'graphRoot' points at this computer (${config.graphRoot}); a deployment uses https://graph.microsoft.com/v1.0.`,
    });
  } else if (graph.protocol !== 'https:' || !DEPLOYABLE_GRAPH_HOSTS.includes(graph.hostname)) {
    problems.push({
      ko: `'graphRoot'(${config.graphRoot})가 Microsoft Graph가 아닙니다. https://graph.microsoft.com/v1.0을 쓰세요.`,
      en: `'graphRoot' (${config.graphRoot}) is not Microsoft Graph; use https://graph.microsoft.com/v1.0.`,
    });
  }
  const clientId = config.auth.clientId;
  if (clientId === '') {
    problems.push({
      ko: "'auth.clientId'가 비어 있습니다. Entra 앱 등록의 애플리케이션(클라이언트) ID를 넣으세요.",
      en: "'auth.clientId' is empty: put the Entra app registration's Application (client) ID there.",
    });
  } else if (!CLIENT_ID.test(clientId) || clientId === NIL_GUID) {
    problems.push({
      ko: `'auth.clientId'(${clientId})가 Entra 애플리케이션(클라이언트) ID(GUID)가 아닙니다.`,
      en: `'auth.clientId' (${clientId}) is not an Entra Application (client) ID (a GUID).`,
    });
  }
  return problems;
}

/** Throws one bilingual ConfigError naming every setting a deployment cannot have. */
export function assertDeployable(config: DelibConfig): void {
  const problems = deploymentProblems(config);
  if (problems.length === 0) return;
  throw new ConfigError({
    ko: `배포 설정 오류: ${problems.map((p) => p.ko).join(' ')}`,
    en: `Deployment configuration error: ${problems.map((p) => p.en).join(' ')}`,
  });
}
