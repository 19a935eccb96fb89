import { defineMessages } from '../i18n.js';

export const messages = defineMessages({
  en: {
    'admin.title': 'Administration',
    'admin.tabs': 'Administration sections',
    'admin.tab.users': 'Users and roles',
    'admin.tab.departments': 'Departments',
    'admin.tab.sla': 'SLA policies',
    'admin.tab.routing': 'Routing rules',
    'admin.tab.models': 'Taxonomy and models',
    'admin.tab.authority': 'Authority limits',
    'admin.tab.templates': 'Notice templates',
    'admin.tab.channels': 'Channels',
    'admin.tab.kb': 'Knowledge base',
    'admin.forbidden': 'Only administrators can open the console.',
  },
  'zh-CN': {
    'admin.title': '系统管理',
    'admin.tabs': '管理分区',
    'admin.tab.users': '用户与角色',
    'admin.tab.departments': '部门',
    'admin.tab.sla': 'SLA 策略',
    'admin.tab.routing': '分派规则',
    'admin.tab.models': '分类体系与模型',
    'admin.tab.authority': '授权额度',
    'admin.tab.templates': '通知模板',
    'admin.tab.channels': '渠道',
    'admin.tab.kb': '知识库',
    'admin.forbidden': '只有管理员可以打开管理后台。',
  },
});
