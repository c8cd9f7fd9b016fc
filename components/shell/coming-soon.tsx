import { EmptyState, PageHeader } from "@/components/ui/card";

export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState title="Coming soon">This section is being built and will appear here.</EmptyState>
    </>
  );
}
