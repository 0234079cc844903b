import{C as o,m as d}from"./index.94b01c79.js";window.CTFd=o;window.Alpine=d;d.start();
