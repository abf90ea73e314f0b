// The receipt as the district sees it in the pane (the same facts are written into the workbook):
// what the Submissions item says, its time and submitter as SharePoint recorded them. Its two
// addresses are fields anyone with access to the list or the workbook could have written: each is a
// link only when it is https on the configured SharePoint host (`siteLink`), else plain text.
import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Receipt } from '../../submission/types';
import { submitterText } from '../../submission/receipt';
import { siteLink } from '../../submission/stored';
import { submitStrings as S } from './strings';

export function ReceiptView({
  receipt,
  lang,
  siteHost,
}: {
  receipt: Receipt;
  lang: 'ko' | 'en';
  siteHost: string;
}): JSX.Element {
  const at = new Date(receipt.submittedAt).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB');
  const fileLink = siteLink(receipt.fileUrl, siteHost);
  const itemLink = siteLink(receipt.itemUrl, siteHost);
  // A receipt saved by an older version has no submitter or status.
  const status =
    receipt.status === 'current'
      ? S.statusCurrent[lang]
      : receipt.status === 'superseded'
        ? S.statusSuperseded[lang]
        : (receipt.status ?? '-');
  return (
    <MessageBar layout="multiline" intent="success" aria-live="polite">
      <MessageBarBody>
        <MessageBarTitle>{S.receiptTitle[lang]}</MessageBarTitle>
        <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 8 }}>
          <dt>{S.receiptId[lang]}</dt>
          <dd style={{ margin: 0, wordBreak: 'break-all' }} data-testid="receipt-id">
            {receipt.submissionId}
          </dd>
          <dt>{S.receiptAt[lang]}</dt>
          <dd style={{ margin: 0 }} data-testid="receipt-at">
            {at}
          </dd>
          <dt>{S.receiptBy[lang]}</dt>
          <dd style={{ margin: 0, wordBreak: 'break-all' }} data-testid="receipt-by">
            {submitterText(receipt.submittedBy ?? null)}
          </dd>
          {receipt.onBehalf && (
            <>
              <dt>{S.receiptOnBehalf[lang]}</dt>
              <dd style={{ margin: 0 }} data-testid="receipt-on-behalf">
                {S.receiptOnBehalfYes[lang]}
              </dd>
            </>
          )}
          <dt>{S.receiptStatus[lang]}</dt>
          <dd style={{ margin: 0 }} data-testid="receipt-status">
            {status}
          </dd>
          <dt>{S.receiptRows[lang]}</dt>
          <dd style={{ margin: 0 }} data-testid="receipt-rows">
            {receipt.rowCount}
          </dd>
          <dt>{S.receiptHash[lang]}</dt>
          <dd style={{ margin: 0, fontFamily: 'monospace' }} data-testid="receipt-hash">
            {receipt.stampHash.slice(0, 16)}
          </dd>
          <dt>{S.receiptFile[lang]}</dt>
          <dd style={{ margin: 0 }} data-testid="receipt-file">
            {fileLink ? (
              <Link href={fileLink} target="_blank" rel="noreferrer">
                {S.receiptFileLink[lang]}
              </Link>
            ) : receipt.fileUrl ? (
              S.receiptLinkRefused[lang]
            ) : (
              S.receiptFileNone[lang]
            )}
          </dd>
        </dl>
        <div style={{ fontSize: 'smaller' }}>{S.receiptSource[lang]}</div>
        {itemLink && (
          <Link href={itemLink} target="_blank" rel="noreferrer">
            {S.receiptLink[lang]}
          </Link>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
