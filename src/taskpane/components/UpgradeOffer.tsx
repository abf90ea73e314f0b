// The offer to upgrade a workbook of an older standard version (2021.1) to the newest (2021.2),
// shown only when the session has one. The button opens a confirmation that says what will change,
// from the offer's data (columns, lists), before anything is written.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { UpgradeOffer as Offer } from '../../session/state';
import { strings } from '../strings';
import type { Lang } from '../view/language';

export interface UpgradeOfferProps {
  offer: Offer | null | undefined;
  lang: Lang;
  busy: boolean;
  onUpgrade(): void;
}

const joined = (texts: { ko: string; en: string }[], lang: Lang) => texts.map((x) => x[lang]).join(', ');

export function UpgradeOffer({ offer, lang, busy, onUpgrade }: UpgradeOfferProps) {
  const [open, setOpen] = useState(false);
  if (!offer) return null;
  const s = strings.upgrade;
  return (
    <MessageBar layout="multiline" intent="info" data-upgrade={offer.to}>
      <MessageBarBody>
        <MessageBarTitle>{s.title(offer.from)[lang]}</MessageBarTitle>
        {s.body(offer.to)[lang]}
      </MessageBarBody>
      <MessageBarActions>
        <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
          <DialogTrigger disableButtonEnhancement>
            <Button disabled={busy}>{s.button(offer.to)[lang]}</Button>
          </DialogTrigger>
          <DialogSurface aria-describedby="upgrade-changes">
            <DialogBody>
              <DialogTitle>{s.confirmTitle(offer.to)[lang]}</DialogTitle>
              <DialogContent id="upgrade-changes">
                <ul>
                  {offer.columns.length > 0 && (
                    <li>{s.columns(joined(offer.columns, lang), offer.after?.[lang] ?? null)[lang]}</li>
                  )}
                  {offer.lists.map((l) => (
                    <li key={l.column.ko}>{s.list(l.column[lang], joined(l.added, lang))[lang]}</li>
                  ))}
                  <li>{s.keeps(offer.to)[lang]}</li>
                </ul>
                <p>{s.undo[lang]}</p>
              </DialogContent>
              <DialogActions>
                <DialogTrigger disableButtonEnhancement>
                  <Button appearance="secondary">{s.cancel[lang]}</Button>
                </DialogTrigger>
                <Button
                  appearance="primary"
                  onClick={() => {
                    setOpen(false);
                    onUpgrade();
                  }}
                >
                  {s.confirm[lang]}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </MessageBarActions>
    </MessageBar>
  );
}
