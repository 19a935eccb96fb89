import { defineMessages } from '../i18n.js';

/** The public article page (/kb/<slug>), the link agents put into replies. */
export const messages = defineMessages({
  en: {
    'kbArticle.loading': 'Loading the article…',
    'kbArticle.notFound': 'This article is not available (any more).',
    'kbArticle.published': 'Published {date}',
    'kbArticle.readIn': 'Read in {language}',
    'kbArticle.lang.zh-CN': 'Chinese',
    'kbArticle.lang.en': 'English',
    'kbArticle.helpful': 'Was this article helpful?',
    'kbArticle.yes': 'Yes',
    'kbArticle.no': 'No',
    'kbArticle.thanks': 'Thank you for your feedback.',
    'kbArticle.moreHelp': 'Still need help? Your complaints and their progress are in the service hall.',
    'kbArticle.toHall': 'Go to the service hall',
  },
  'zh-CN': {
    'kbArticle.loading': '正在加载文章…',
    'kbArticle.notFound': '这篇文章暂时无法查看。',
    'kbArticle.published': '发布于 {date}',
    'kbArticle.readIn': '阅读{language}版',
    'kbArticle.lang.zh-CN': '中文',
    'kbArticle.lang.en': '英文',
    'kbArticle.helpful': '这篇文章对您有帮助吗？',
    'kbArticle.yes': '有帮助',
    'kbArticle.no': '没帮助',
    'kbArticle.thanks': '感谢您的反馈。',
    'kbArticle.moreHelp': '仍需帮助？您的投诉和处理进度都在服务大厅。',
    'kbArticle.toHall': '前往服务大厅',
  },
});
