import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Lozenge from '@atlaskit/lozenge';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { ProjectListData } from '../../../src/shared/resolver-contract';

type ListedProject = ProjectListData['projects'][number];

const ROWS_PER_PAGE = 50;

const HEAD: HeadType = {
  cells: [
    { key: 'key', content: 'Key', isSortable: true, width: 15 },
    { key: 'name', content: 'Name', isSortable: true },
    { key: 'measured', content: 'Flow metrics', isSortable: true, width: 20 },
  ],
};

function rowOf(project: ListedProject): RowType {
  return {
    key: project.id,
    testId: `project-row-${project.key}`,
    cells: [
      { key: project.key, content: <Text weight="medium">{project.key}</Text> },
      { key: project.name.toLocaleLowerCase(), content: project.name },
      {
        // Sorts measured projects first in ascending order.
        key: project.measured ? 0 : 1,
        content: project.measured ? (
          <Lozenge appearance="success">Measured</Lozenge>
        ) : (
          <Lozenge appearance="default">Not measured</Lozenge>
        ),
      },
    ],
  };
}

/** The site's projects, each with whether the app measures it. */
export function ProjectTable({ projects }: { projects: ProjectListData['projects'] }) {
  return (
    <Box testId="project-list">
      <DynamicTable
        label="Projects"
        head={HEAD}
        rows={projects.map(rowOf)}
        rowsPerPage={projects.length > ROWS_PER_PAGE ? ROWS_PER_PAGE : undefined}
        defaultSortKey="key"
        defaultSortOrder="ASC"
        emptyView={<Text as="p">There are no projects on this site yet.</Text>}
      />
    </Box>
  );
}
