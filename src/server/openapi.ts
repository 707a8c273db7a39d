// The API described for clients (GET /api/openapi.json). Kept beside the routes in app.ts.
const error = { type: 'object', properties: { error: { type: 'string', description: '中文错误说明' } } };
const ok = (description: string, schema: object = { type: 'object' }) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = {
  '400': ok('请求有误', error),
  '401': ok('未登录', error),
  '403': ok('无权限或 CSRF 校验失败', error),
};
const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };
const csrf = { name: 'x-csrf-token', in: 'header', required: true, schema: { type: 'string' } };

export const openApi = {
  openapi: '3.1.0',
  info: {
    title: 'yusuan API',
    version: '0.1.0',
    description: '部门预算、绩效目标与决算公开文本的导入、检查与比较',
  },
  paths: {
    '/api/openapi.json': {
      get: { summary: '本接口说明（OpenAPI 3.1）', responses: { '200': ok('OpenAPI 文档') } },
    },
    '/api/health': { get: { summary: '服务状态', responses: { '200': ok('{ ok: true }') } } },
    '/api/session': {
      get: { summary: '当前用户与 CSRF 令牌', responses: { '200': ok('会话') } },
      post: {
        summary: '登录（设置 httpOnly 会话 Cookie）',
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name', 'password'],
                properties: { name: { type: 'string' }, password: { type: 'string' } },
              },
            },
          },
        },
        responses: {
          '200': ok('已登录：{ user, csrf }'),
          ...errors,
          '429': ok('登录失败次数过多，暂时锁定（Retry-After 给出秒数）', error),
        },
      },
      delete: { summary: '退出登录', parameters: [csrf], responses: { '200': ok('已退出') } },
    },
    '/api/session/password': {
      post: {
        summary: '修改自己的密码（该用户的其他会话全部失效）',
        parameters: [csrf],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['oldPassword', 'newPassword'],
                properties: {
                  oldPassword: { type: 'string' },
                  newPassword: { type: 'string', minLength: 8 },
                },
              },
            },
          },
        },
        responses: { '200': ok('新会话：{ user, csrf }'), ...errors },
      },
    },
    '/api/documents': {
      get: {
        summary: '总览：各部门各年度的文档及问题数',
        parameters: ['q', 'year', 'kind', 'history'].map((name) => ({
          name,
          in: 'query',
          schema: { type: 'string' },
        })),
        responses: { '200': ok('文档列表', { type: 'array' }) },
      },
      post: {
        summary: '上传并导入文件（multipart/form-data，可多个）',
        parameters: [csrf],
        requestBody: { content: { 'multipart/form-data': { schema: { type: 'object' } } } },
        responses: { '200': ok('每个文件的导入结果'), ...errors, '413': ok('文件过大', error) },
      },
    },
    '/api/documents/{id}': {
      get: {
        summary: '文档模型、检查结果与版本历史',
        parameters: [id],
        responses: { '200': ok('文档'), '404': ok('没有这个文档', error) },
      },
      patch: {
        summary:
          '修改表中金额或项目指标值，重新检查后存为新版本（旧版本保留在历史中）。填报用户只能修改本部门的文档',
        parameters: [id, csrf],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['edits'],
                properties: {
                  edits: {
                    type: 'array',
                    minItems: 1,
                    maxItems: 500,
                    items: {
                      oneOf: [
                        {
                          type: 'object',
                          description: '表中一个金额；value 为空文本时清空该格',
                          required: ['table', 'row', 'column', 'value'],
                          properties: {
                            table: { type: 'string', example: 'general-basic' },
                            row: {
                              oneOf: [{ type: 'integer' }, { type: 'string' }],
                              description: '行序号（从 0 起），或科目编码，无编码时为行名称',
                            },
                            column: {
                              oneOf: [{ type: 'integer' }, { type: 'string' }],
                              description: '列序号（从 0 起）或列名',
                            },
                            value: { type: 'string', example: '198.90' },
                          },
                        },
                        {
                          type: 'object',
                          description: '项目的一个指标值',
                          required: ['project', 'indicator', 'value'],
                          properties: {
                            project: { type: 'string', description: '21 位项目编码' },
                            indicator: { type: 'integer', description: '指标在项目中的序号（从 0 起）' },
                            value: { type: 'string', example: '≥99%' },
                          },
                        },
                      ],
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': ok('新版本：{ id, status: "edited", version, supersedes, errors, warnings, applied }'),
          ...errors,
          '404': ok('没有这个文档', error),
          '409': ok('这一版已被新版本替代', error),
        },
      },
    },
    '/api/documents/{id}/preview': {
      post: {
        summary: '预览修改：不保存，返回每处修改的原值与新值，以及修改后新增和消除的检查结果',
        parameters: [id, csrf],
        requestBody: {
          content: {
            'application/json': {
              schema: { type: 'object', required: ['edits'], properties: { edits: { type: 'array' } } },
            },
          },
        },
        responses: {
          '200': ok('{ applied: [{ target, before, after }], added: Finding[], cleared: Finding[] }'),
          ...errors,
          '404': ok('没有这个文档', error),
          '409': ok('这一版已被新版本替代', error),
        },
      },
    },
    '/api/documents/{id}/original': {
      get: {
        summary: '下载上传的原始文件',
        parameters: [id],
        responses: { '200': { description: '原始文件' } },
      },
    },
    '/api/documents/{id}/export': {
      get: {
        summary: '导出（csv、json、xlsx 或 html 检查报告）',
        parameters: [id, { name: 'format', in: 'query', schema: { enum: ['csv', 'json', 'xlsx', 'html'] } }],
        responses: { '200': { description: '文件' } },
      },
    },
    '/api/documents/{id}/render': {
      get: {
        summary: '按标准格式输出文档（html、pdf、xlsx 或 docx），修改过的版本按修改后的数据输出',
        parameters: [id, { name: 'format', in: 'query', schema: { enum: ['html', 'pdf', 'xlsx', 'docx'] } }],
        responses: {
          '200': { description: '文件' },
          '400': ok('不支持的格式', error),
          '429': ok('PDF 生成任务已排满或本客户端已有任务在进行（Retry-After 给出秒数）', error),
        },
      },
    },
    '/api/compare': {
      get: {
        summary: '比较文档：基本/项目、人员/公用、"三公"及各项、各功能类支出',
        parameters: [
          { name: 'ids', in: 'query', required: true, schema: { type: 'string', example: '1,2' } },
        ],
        responses: { '200': ok('比较数据', { type: 'array' }) },
      },
    },
    '/api/imports': {
      post: {
        summary: '批量导入（后台进行）：返回任务编号 { id, total }',
        parameters: [csrf],
        requestBody: { content: { 'multipart/form-data': { schema: { type: 'object' } } } },
        responses: { '202': ok('已接收'), ...errors },
      },
      get: {
        summary: '当前用户的导入任务（新的在前），每个同 /api/imports/{id}',
        responses: { '200': ok('任务', { type: 'array' }), ...errors },
      },
    },
    '/api/imports/{id}': {
      get: {
        summary:
          '导入任务的进度：{ total, done, state, files（每个文件的阶段：waiting/reading 第 page/pages 页/checking/storing/finished）, results }',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': ok('进度'), '404': ok('没有这个导入任务', error) },
      },
    },
    '/api/rules': { get: { summary: '规则目录', responses: { '200': ok('规则', { type: 'array' }) } } },
    '/api/users': {
      post: {
        summary: '新建用户（仅管理员）',
        parameters: [csrf],
        responses: { '200': ok('{ id }'), ...errors },
      },
    },
    '/api/users/{id}': {
      patch: {
        summary: '停用/启用用户或重设密码（仅管理员；该用户的会话全部失效）',
        parameters: [id, csrf],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { disabled: { type: 'boolean' }, password: { type: 'string', minLength: 8 } },
              },
            },
          },
        },
        responses: { '200': ok('{ ok: true }'), ...errors, '404': ok('没有这个用户', error) },
      },
    },
    '/api/audit': {
      get: {
        summary: '审计日志（仅管理员）',
        responses: { '200': ok('日志', { type: 'array' }), ...errors },
      },
    },
  },
} as const;
