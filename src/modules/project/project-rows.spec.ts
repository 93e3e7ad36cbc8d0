import { getMetadataArgsStorage } from 'typeorm';
import { Project } from './entities/project.entity';
import { PROJECT_ROW_PROPERTIES, projectColumns, projectFromRow } from './project-rows';

const snake = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

describe('project rows read with plain SQL', () => {
  it('select every column of the entity and its virtual column, under the names the naming strategy gives them', () => {
    const storage = getMetadataArgsStorage();
    const columns = storage.columns.filter((c) => c.target === Project).map((c) => c.propertyName);
    expect([...PROJECT_ROW_PROPERTIES].sort()).toEqual([...columns].sort());
    const select = projectColumns('p');
    for (const column of storage.columns.filter((c) => c.target === Project && c.mode !== 'virtual-property')) {
      expect(select).toContain(`p.${snake(column.propertyName)} AS "${column.propertyName}"`);
    }
  });

  it('hydrate a prefixed row into the entity, and an outer join miss into null', () => {
    const row = Object.fromEntries(PROJECT_ROW_PROPERTIES.map((p) => [`project.${p}`, `${p} value`]));
    const project = projectFromRow(row, 'project.');
    expect(project).toBeInstanceOf(Project);
    expect(project).toMatchObject({ id: 'id value', planVersion: 'planVersion value', latestBaselineFinish: 'latestBaselineFinish value' });
    expect(projectFromRow({ 'project.id': null }, 'project.')).toBeNull();
  });
});
