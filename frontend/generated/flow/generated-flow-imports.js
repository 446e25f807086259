import '@vaadin/app-layout/src/vaadin-app-layout.js';
import '@vaadin/app-layout/src/vaadin-drawer-toggle.js';
import '@vaadin/button/src/vaadin-button.js';
import '@vaadin/tooltip/src/vaadin-tooltip.js';
import 'Frontend/generated/jar-resources/disableOnClickFunctions.js';
import '@vaadin/side-nav/src/vaadin-side-nav.js';
import '@vaadin/side-nav/src/vaadin-side-nav-item.js';
import '@vaadin/notification/src/vaadin-notification.js';
import 'Frontend/generated/jar-resources/flow-component-renderer.js';
import 'Frontend/generated/jar-resources/flow-component-directive.js';
import '@vaadin/icons/vaadin-iconset.js';
import '@vaadin/icon/src/vaadin-icon.js';
import '@vaadin/horizontal-layout/src/vaadin-horizontal-layout.js';
import '@vaadin/vertical-layout/src/vaadin-vertical-layout.js';
import '@vaadin/markdown/src/vaadin-markdown.js';
import '@vaadin/login/src/vaadin-login-form.js';
import '@vaadin/common-frontend/ConnectionIndicator.js';
import 'Frontend/generated/jar-resources/ReactRouterOutletElement.tsx';

const loadOnDemand = (key) => {
  const pending = [];
  if (key === 'eed134aa4434c76e865a34e126f711f5062d572046336699ae76f1d02ce98bef') {
    pending.push(import('./chunks/chunk-8b14fc51378459bd49b06bfd0411077f10994f7873aaeb30261b9136a4e52ef8.js'));
  }
  if (key === 'c4f4d272e72f40439a2237f68df14f1f492e025c4459976688f43d57b5b0da16') {
    pending.push(import('./chunks/chunk-b3626dbcd9262039276e9572c2cffa8c0ef635494c27b0107ac28674bfa0f603.js'));
  }
  if (key === '2b2ba50c37b9a37877f38406d2d3c9e776eee91471e8da75940272b3cc83c5c0') {
    pending.push(import('./chunks/chunk-d249c13a8bb45acf7b485b4f61e30a1e4b61eb690124af1f05a99d45739ca92c.js'));
  }
  if (key === '41abbe1ab11a26114d4946796521fd4dcd5d4866b43f30925acdf52ff1751718') {
    pending.push(import('./chunks/chunk-8b14fc51378459bd49b06bfd0411077f10994f7873aaeb30261b9136a4e52ef8.js'));
  }
  if (key === '7d87f91de9c058313bd2a8494aa9eab7ce60a9c232f5402b928680075f396845') {
    pending.push(import('./chunks/chunk-b3626dbcd9262039276e9572c2cffa8c0ef635494c27b0107ac28674bfa0f603.js'));
  }
  if (key === '0df1484a57b96cdc86de3ef54fc3a2ba80793cfea2537739befc8838bd440f5f') {
    pending.push(import('./chunks/chunk-78e5f6c8782caefc38f8d0527142b8230241b18d74f6b51083a2633abb580d2c.js'));
  }
  if (key === '6c65b54ff2a56dea6d7e86710070ce2b6dbcc1be20ff5f4ece1f669e20aaff27') {
    pending.push(import('./chunks/chunk-54ecd160f70566c027379ac0d937dd54f6ac2fdbfd98dbdad9ea6381279b9230.js'));
  }
  if (key === '3fb5ba9c377b1cae985f2e0a84036c354f13bec5382e2616fad420a27e4ee202') {
    pending.push(import('./chunks/chunk-b3626dbcd9262039276e9572c2cffa8c0ef635494c27b0107ac28674bfa0f603.js'));
  }
  if (key === '3451759bc784e0cdbbb9b16ff90fe93a6e926bec93f74f0a7d3c133bfd04cea5') {
    pending.push(import('./chunks/chunk-d249c13a8bb45acf7b485b4f61e30a1e4b61eb690124af1f05a99d45739ca92c.js'));
  }
  return Promise.all(pending);
}

window.Vaadin = window.Vaadin || {};
window.Vaadin.Flow = window.Vaadin.Flow || {};
window.Vaadin.Flow.loadOnDemand = loadOnDemand;
window.Vaadin.Flow.resetFocus = () => {
 let ae=document.activeElement;
 while(ae&&ae.shadowRoot) ae = ae.shadowRoot.activeElement;
 return !ae || ae.blur() || ae.focus() || true;
}