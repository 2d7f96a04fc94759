/** Small pieces every module uses: paging, API errors, time, HTML sanitising, exports, web layout. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.rapport.shared;
