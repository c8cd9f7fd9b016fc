"use client";

import { useAction } from "next-safe-action/hooks";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { previewSegmentAction, saveSegmentAction } from "@/app/(app)/segments/actions";
import { formatCount, formatMoney } from "@/lib/format";
import type { SegmentDefinition } from "@/lib/segments/definition";
import { segmentSentence } from "@/lib/segments/sentence";
import { actionErrorMessage } from "@/components/ui/action-errors";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import type { BuilderNames } from "./event-match-editor";
import { GroupEditor } from "./group-editor";

type Preview = NonNullable<Awaited<ReturnType<typeof previewSegmentAction>>["data"]>;

/** The segment builder: the definition as plain controls, its sentence, a live count and save. */
export function SegmentBuilder({ initial, names, segmentId, initialName = "", initialDescription = "", currency, today }: {
  initial: SegmentDefinition; names: BuilderNames; segmentId?: string; initialName?: string; initialDescription?: string; currency: string; today: string;
}) {
  const router = useRouter();
  const [definition, setDefinition] = useState(initial);
  const [name, setName] = useState(initialName);
  const [description, setDescription] = useState(initialDescription);
  const [preview, setPreview] = useState<Preview | null>(null);
  const { executeAsync: runPreview } = useAction(previewSegmentAction);
  const save = useAction(saveSegmentAction, { onSuccess: ({ data }) => data && router.push(`/segments/${data.id}`) });

  // Debounced so typing "500" asks once, not three times; a newer definition wins over a late answer.
  useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      const result = await runPreview({ definition, selfId: segmentId });
      if (current && result?.data) setPreview(result.data);
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [definition, segmentId, runPreview]);

  const sentence = useMemo(() => segmentSentence(definition, {
    locations: new Map(names.locations.map((l) => [l.id, l.name])),
    segments: new Map(names.segments.map((s) => [s.id, s.name])),
    money: (v) => formatMoney(v, currency),
  }), [definition, names, currency]);
  const invalid = preview && !preview.ok ? preview : undefined;
  const ok = preview && preview.ok ? preview : undefined;

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
      <div className="space-y-4">
        <Card title="Definition">
          <p className="mb-3 text-stone-800" data-testid="segment-sentence" aria-live="polite">{sentence}</p>
          <GroupEditor value={definition} onChange={setDefinition} names={names} path="" depth={0} today={today} error={invalid} />
          {invalid && <p role="alert" className="mt-3 text-sm text-red-700">Fix this first: {invalid.message} ({invalid.path || "definition"})</p>}
        </Card>
        <Card title="Save">
          <form className="space-y-3" onSubmit={(e) => {
            e.preventDefault();
            save.execute({ id: segmentId, name, description, definition });
          }}>
            <Field label="Name"><Input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} /></Field>
            <Field label="Description"><Input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} /></Field>
            {save.result.serverError && <p role="alert" className="text-sm text-red-700">{actionErrorMessage(save.result.serverError)}</p>}
            <div className="flex gap-2">
              <Button type="submit" disabled={save.isPending || Boolean(invalid)}>{segmentId ? "Save changes" : "Save segment"}</Button>
              <Link href={segmentId ? `/segments/${segmentId}` : "/segments"} className="inline-flex min-h-10 items-center px-3 text-sm text-stone-600 hover:underline">Cancel</Link>
            </div>
          </form>
        </Card>
      </div>
      <aside aria-label="Preview" className="space-y-3">
        <Card title="Who is in it now">
          <p className="text-3xl font-semibold tabular-nums" data-testid="segment-count" aria-live="polite">{ok ? formatCount(ok.count) : "…"}</p>
          <p className="text-sm text-stone-600" data-testid="segment-share">
            {ok ? `${ok.totalCustomers ? ((ok.count / ok.totalCustomers) * 100).toFixed(1) : "0.0"}% of ${formatCount(ok.totalCustomers)} customers` : "Counting…"}
          </p>
          {ok?.warnings.map((w) => <p key={w.path} role="status" className="mt-2 text-sm text-amber-800">{w.message}</p>)}
          {ok && ok.members.length > 0 && (
            <ul className="mt-3 space-y-1 text-sm">
              {ok.members.map((m) => <li key={m.id}><Link className="underline-offset-2 hover:underline" href={`/customers/${m.id}`}>{m.name ?? m.passSerial}</Link></li>)}
            </ul>
          )}
        </Card>
      </aside>
    </div>
  );
}
