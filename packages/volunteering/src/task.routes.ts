// Browser-safe: volunteer tasks — the public lists and the coordinator's task work.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { claimPersonSchema } from './claim.schemas.js';
import {
  applyTemplateInputSchema,
  freePlacesQuerySchema,
  freePlacesSchema,
  saveTemplateInputSchema,
  taskInputSchema,
  taskListQuerySchema,
  taskViewSchema,
  templateViewSchema,
  transportTaskInputSchema,
} from './task.schemas.js';

const tag = 'Volunteering';
// `:id` is the organisation whose coordinators act.
const coordinators = access.organisationRole('id', ['admin', 'coordinator']);
const taskParams = z.object({ id: z.uuid(), taskId: z.uuid() });
const taskAnswer = z.object({ task: taskViewSchema });

export const listTasksRoute = defineRoute({
  method: 'GET',
  path: '/api/volunteering/tasks',
  summary: "Open volunteer tasks with their shifts and free places; per event every organisation's tasks together",
  tag,
  access: access.public,
  query: taskListQuerySchema,
  response: z.object({ tasks: z.array(taskViewSchema) }),
});

export const getTaskRoute = defineRoute({
  method: 'GET',
  path: '/api/volunteering/tasks/:taskId',
  summary: 'One volunteer task with its shifts and free places',
  tag,
  access: access.public,
  params: z.object({ taskId: z.uuid() }),
  response: taskAnswer,
  errors: [404],
});

export const freePlacesRoute = defineRoute({
  method: 'GET',
  path: '/api/volunteering/free-places',
  summary: 'Free places per event for a list of event ids ("Help wanted: 3 places free")',
  tag,
  access: access.public,
  query: freePlacesQuerySchema,
  response: freePlacesSchema,
});

export const organisationTasksRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/volunteering/tasks',
  summary: "The organisation's volunteer tasks (upcoming and standing first)",
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid() }),
  query: z.strictObject({ eventId: z.uuid().optional() }),
  response: z.object({ tasks: z.array(taskViewSchema) }),
});

export const organisationTaskRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/volunteering/tasks/:taskId',
  summary: 'A task of the organisation with everyone who claimed or waits for each shift',
  tag,
  access: coordinators,
  params: taskParams,
  response: z.object({ task: taskViewSchema, claims: z.array(claimPersonSchema) }),
  errors: [404],
});

export const createTaskRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/volunteering/tasks',
  summary: 'Create a volunteer task with its shifts (for an event, or standing work with no event)',
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid() }),
  body: taskInputSchema,
  response: taskAnswer,
  errors: [422],
});

export const updateTaskRoute = defineRoute({
  method: 'PUT',
  path: '/api/organisations/:id/volunteering/tasks/:taskId',
  summary: 'Change a task: shifts with an id change, without one are added, left out are removed (if nobody claimed them)',
  tag,
  access: coordinators,
  params: taskParams,
  body: taskInputSchema,
  response: taskAnswer,
  errors: [404, 422],
});

export const deleteTaskRoute = defineRoute({
  method: 'DELETE',
  path: '/api/organisations/:id/volunteering/tasks/:taskId',
  summary: 'Cancel a task: everyone with a place or in line gets a mail',
  tag,
  access: coordinators,
  params: taskParams,
  status: 204,
  errors: [404],
});

export const createTransportTaskRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/volunteering/transport-tasks',
  summary: 'Create a transport task for a loan or a booking (named by its id) with one shift',
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid() }),
  body: transportTaskInputSchema,
  response: taskAnswer,
  errors: [422],
});

export const listTemplatesRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/volunteering/templates',
  summary: "The built-in task templates (summer market, talkoot day, village party) and the organisation's own",
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid() }),
  response: z.object({ templates: z.array(templateViewSchema) }),
});

export const applyTemplateRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/volunteering/templates/:key/apply',
  summary: "Create a template's tasks and shifts for an event on its day (then adjust them one by one)",
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid(), key: z.string().min(1).max(60) }),
  body: applyTemplateInputSchema,
  response: z.object({ tasks: z.array(taskViewSchema) }),
  status: 201,
  errors: [404, 422],
});

export const saveTemplateRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/volunteering/templates',
  summary: "Save the organisation's tasks of an event as its own template",
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid() }),
  body: saveTemplateInputSchema,
  response: z.object({ template: templateViewSchema }),
  errors: [422],
});

export const deleteTemplateRoute = defineRoute({
  method: 'DELETE',
  path: '/api/organisations/:id/volunteering/templates/:templateId',
  summary: "Delete one of the organisation's own templates",
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid(), templateId: z.uuid() }),
  status: 204,
  errors: [404],
});
