import { Body, Controller, Param, Query } from '@nestjs/common';
import { type AuthContext, CurrentAuth } from '@talkoot/identity';
import { Route, type RouteBody, type RouteParams, type RouteQuery } from '@talkoot/platform';
import {
  applyTemplateRoute,
  createTaskRoute,
  createTransportTaskRoute,
  deleteTaskRoute,
  deleteTemplateRoute,
  freePlacesRoute,
  getTaskRoute,
  listTasksRoute,
  listTemplatesRoute,
  organisationTaskRoute,
  organisationTasksRoute,
  saveTemplateRoute,
  updateTaskRoute,
} from './task.routes.js';
import { TaskService } from './task.service.js';

// Volunteer tasks: the public lists and the coordinator's task work and templates.
@Controller()
export class TaskController {
  constructor(private readonly tasks: TaskService) {}

  @Route(listTasksRoute)
  async list(@Query() query: RouteQuery<typeof listTasksRoute>) {
    return { tasks: await this.tasks.listPublic(query) };
  }

  @Route(getTaskRoute)
  async get(@Param() params: RouteParams<typeof getTaskRoute>) {
    return { task: await this.tasks.get(params.taskId) };
  }

  @Route(freePlacesRoute)
  async freePlaces(@Query() query: RouteQuery<typeof freePlacesRoute>) {
    return { events: await this.tasks.freePlaces(query.eventIds) };
  }

  @Route(organisationTasksRoute)
  async forOrganisation(
    @Param() params: RouteParams<typeof organisationTasksRoute>,
    @Query() query: RouteQuery<typeof organisationTasksRoute>,
  ) {
    return { tasks: await this.tasks.listForOrganisation(params.id, query.eventId) };
  }

  @Route(organisationTaskRoute)
  detail(@Param() params: RouteParams<typeof organisationTaskRoute>) {
    return this.tasks.detailForOrganisation(params.id, params.taskId);
  }

  @Route(createTaskRoute)
  async create(
    @Param() params: RouteParams<typeof createTaskRoute>,
    @Body() body: RouteBody<typeof createTaskRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { task: await this.tasks.create(params.id, body, auth.user) };
  }

  @Route(updateTaskRoute)
  async update(@Param() params: RouteParams<typeof updateTaskRoute>, @Body() body: RouteBody<typeof updateTaskRoute>) {
    return { task: await this.tasks.update(params.id, params.taskId, body) };
  }

  @Route(deleteTaskRoute)
  async cancel(@Param() params: RouteParams<typeof deleteTaskRoute>) {
    await this.tasks.cancel(params.id, params.taskId);
  }

  @Route(createTransportTaskRoute)
  async transport(
    @Param() params: RouteParams<typeof createTransportTaskRoute>,
    @Body() body: RouteBody<typeof createTransportTaskRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { task: await this.tasks.createTransport(params.id, body, auth.user) };
  }

  @Route(listTemplatesRoute)
  async templates(@Param() params: RouteParams<typeof listTemplatesRoute>) {
    return { templates: await this.tasks.listTemplates(params.id) };
  }

  @Route(applyTemplateRoute)
  async apply(
    @Param() params: RouteParams<typeof applyTemplateRoute>,
    @Body() body: RouteBody<typeof applyTemplateRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { tasks: await this.tasks.applyTemplate(params.id, params.key, body, auth.user) };
  }

  @Route(saveTemplateRoute)
  async saveTemplate(@Param() params: RouteParams<typeof saveTemplateRoute>, @Body() body: RouteBody<typeof saveTemplateRoute>) {
    return { template: await this.tasks.saveTemplate(params.id, body) };
  }

  @Route(deleteTemplateRoute)
  async deleteTemplate(@Param() params: RouteParams<typeof deleteTemplateRoute>) {
    await this.tasks.deleteTemplate(params.id, params.templateId);
  }
}
