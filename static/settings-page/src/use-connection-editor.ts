import { useState } from 'react';
import type { AnswerOf, ResolverResult } from '../../../src/shared/resolver-contract';
import type { FunctionsAnswering, PayloadArgument } from '../../common/invoke-resolver';
import { useResolver, type ResolverQuery } from '../../common/use-resolver';
import { useSettingsAction, type SettingsAction } from './use-settings-action';

export interface ConnectionEditor<Data, Form extends string> extends ResolverQuery<Data> {
  action: SettingsAction;
  /** The connection as the resolver last described it: after a change, its answer; before, the first load. */
  connection: Data | null;
  /** Which form or confirmation is open; 'view' when none is. */
  mode: Form | 'view';
  setMode: (mode: Form | 'view') => void;
  /** True once a form or confirmation has been open: back in the plain view, the keyboard focus goes to its buttons. */
  returnedToView: boolean;
  /** Shows a connection the page fetched itself (e.g. after a test message changed the last check). */
  show: (connection: Data) => void;
  /** Sends a change (connect, replace, disconnect…); on success shows the answer and closes the form. */
  change: <Key extends FunctionsAnswering<Data>>(
    functionKey: Key,
    ...payload: PayloadArgument<Key>
  ) => Promise<ResolverResult<AnswerOf<Key>>>;
}

/**
 * What a connection section (GitHub, Slack) keeps while the admin works on it: the stored connection and the open
 * form. The token being typed lives only in that form, which forgets it as it sends it (see `forgetToken`).
 */
export function useConnectionEditor<Load extends 'getGitHubConnection' | 'getSlackConnection', Form extends string>(
  loadFunction: Load,
): ConnectionEditor<AnswerOf<Load>, Form> {
  type Data = AnswerOf<Load>;
  // Both connection loads take no payload.
  const query = useResolver(loadFunction, ...([] as unknown as PayloadArgument<Load>));
  const action = useSettingsAction();
  const [mode, setShownMode] = useState<Form | 'view'>('view');
  const [returnedToView, setReturnedToView] = useState(false);
  const setMode = (next: Form | 'view') => {
    if (next !== 'view') setReturnedToView(true);
    setShownMode(next);
  };
  const [shown, setShown] = useState<Data | null>(null);

  const change = async <Key extends FunctionsAnswering<Data>>(functionKey: Key, ...payload: PayloadArgument<Key>) => {
    const result = await action.run(functionKey, ...payload);
    if (result.ok) {
      setShown(result.data as Data);
      setMode('view');
    }
    return result;
  };

  const loaded = query.state.status === 'ready' ? query.state.data : null;
  return { ...query, action, connection: shown ?? loaded, mode, setMode, returnedToView, show: setShown, change };
}
