# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QMainWindow, QMenu, QMenuBar,
    QSizePolicy, QSpacerItem, QSplitter, QStatusBar,
    QVBoxLayout, QWidget)

from taftan_desk.ui.widgets.queue_view import QueueView

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1180, 720)
        self.weigh_action = QAction(MainWindow)
        self.weigh_action.setObjectName(u"weigh_action")
        self.weigh_action.setEnabled(False)
        self.inspect_action = QAction(MainWindow)
        self.inspect_action.setObjectName(u"inspect_action")
        self.inspect_action.setEnabled(False)
        self.release_action = QAction(MainWindow)
        self.release_action.setObjectName(u"release_action")
        self.release_action.setEnabled(False)
        self.hold_action = QAction(MainWindow)
        self.hold_action.setObjectName(u"hold_action")
        self.hold_action.setEnabled(False)
        self.refuse_action = QAction(MainWindow)
        self.refuse_action.setObjectName(u"refuse_action")
        self.refuse_action.setEnabled(False)
        self.print_action = QAction(MainWindow)
        self.print_action.setObjectName(u"print_action")
        self.print_action.setEnabled(False)
        self.void_action = QAction(MainWindow)
        self.void_action.setObjectName(u"void_action")
        self.void_action.setEnabled(False)
        self.refresh_action = QAction(MainWindow)
        self.refresh_action.setObjectName(u"refresh_action")
        self.change_password_action = QAction(MainWindow)
        self.change_password_action.setObjectName(u"change_password_action")
        self.accounts_action = QAction(MainWindow)
        self.accounts_action.setObjectName(u"accounts_action")
        self.quit_action = QAction(MainWindow)
        self.quit_action.setObjectName(u"quit_action")
        self.central_widget = QWidget(MainWindow)
        self.central_widget.setObjectName(u"central_widget")
        self.central_layout = QHBoxLayout(self.central_widget)
        self.central_layout.setObjectName(u"central_layout")
        self.registration_host = QWidget(self.central_widget)
        self.registration_host.setObjectName(u"registration_host")
        self.registration_host.setMinimumSize(QSize(500, 0))
        self.registration_host.setMaximumSize(QSize(560, 16777215))
        self.registration_host_layout = QVBoxLayout(self.registration_host)
        self.registration_host_layout.setObjectName(u"registration_host_layout")
        self.registration_host_layout.setContentsMargins(0, 0, 0, 0)

        self.central_layout.addWidget(self.registration_host)

        self.queue_layout = QVBoxLayout()
        self.queue_layout.setObjectName(u"queue_layout")
        self.header_layout = QHBoxLayout()
        self.header_layout.setObjectName(u"header_layout")
        self.title_label = QLabel(self.central_widget)
        self.title_label.setObjectName(u"title_label")

        self.header_layout.addWidget(self.title_label)

        self.header_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_layout.addItem(self.header_spacer)

        self.count_label = QLabel(self.central_widget)
        self.count_label.setObjectName(u"count_label")

        self.header_layout.addWidget(self.count_label)


        self.queue_layout.addLayout(self.header_layout)

        self.queue_splitter = QSplitter(self.central_widget)
        self.queue_splitter.setObjectName(u"queue_splitter")
        self.queue_splitter.setOrientation(Qt.Orientation.Vertical)
        self.queue_view = QueueView(self.queue_splitter)
        self.queue_view.setObjectName(u"queue_view")
        self.queue_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queue_view.setAlternatingRowColors(True)
        self.queue_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue_splitter.addWidget(self.queue_view)
        self.queue_view.horizontalHeader().setStretchLastSection(True)
        self.queue_view.verticalHeader().setVisible(False)
        self.detail_host = QWidget(self.queue_splitter)
        self.detail_host.setObjectName(u"detail_host")
        self.detail_host_layout = QVBoxLayout(self.detail_host)
        self.detail_host_layout.setObjectName(u"detail_host_layout")
        self.detail_host_layout.setContentsMargins(0, 0, 0, 0)
        self.queue_splitter.addWidget(self.detail_host)

        self.queue_layout.addWidget(self.queue_splitter)


        self.central_layout.addLayout(self.queue_layout)

        MainWindow.setCentralWidget(self.central_widget)
        self.menu_bar = QMenuBar(MainWindow)
        self.menu_bar.setObjectName(u"menu_bar")
        self.file_menu = QMenu(self.menu_bar)
        self.file_menu.setObjectName(u"file_menu")
        self.crossing_menu = QMenu(self.menu_bar)
        self.crossing_menu.setObjectName(u"crossing_menu")
        self.station_menu = QMenu(self.menu_bar)
        self.station_menu.setObjectName(u"station_menu")
        MainWindow.setMenuBar(self.menu_bar)
        self.status_bar = QStatusBar(MainWindow)
        self.status_bar.setObjectName(u"status_bar")
        MainWindow.setStatusBar(self.status_bar)

        self.menu_bar.addAction(self.file_menu.menuAction())
        self.menu_bar.addAction(self.crossing_menu.menuAction())
        self.menu_bar.addAction(self.station_menu.menuAction())
        self.file_menu.addAction(self.refresh_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.change_password_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.crossing_menu.addAction(self.weigh_action)
        self.crossing_menu.addAction(self.inspect_action)
        self.crossing_menu.addAction(self.release_action)
        self.crossing_menu.addAction(self.hold_action)
        self.crossing_menu.addAction(self.refuse_action)
        self.crossing_menu.addSeparator()
        self.crossing_menu.addAction(self.print_action)
        self.crossing_menu.addAction(self.void_action)
        self.station_menu.addAction(self.accounts_action)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Taftan Desk", None))
        self.weigh_action.setText(QCoreApplication.translate("MainWindow", u"&Weigh\u2026", None))
#if QT_CONFIG(tooltip)
        self.weigh_action.setToolTip(QCoreApplication.translate("MainWindow", u"Record a weighbridge reading (F6)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.weigh_action.setShortcut(QCoreApplication.translate("MainWindow", u"F6", None))
#endif // QT_CONFIG(shortcut)
        self.inspect_action.setText(QCoreApplication.translate("MainWindow", u"&Inspect\u2026", None))
#if QT_CONFIG(tooltip)
        self.inspect_action.setToolTip(QCoreApplication.translate("MainWindow", u"Record an inspection (F7)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.inspect_action.setShortcut(QCoreApplication.translate("MainWindow", u"F7", None))
#endif // QT_CONFIG(shortcut)
        self.release_action.setText(QCoreApplication.translate("MainWindow", u"&Release", None))
#if QT_CONFIG(tooltip)
        self.release_action.setToolTip(QCoreApplication.translate("MainWindow", u"Release the crossing (F8)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.release_action.setShortcut(QCoreApplication.translate("MainWindow", u"F8", None))
#endif // QT_CONFIG(shortcut)
        self.hold_action.setText(QCoreApplication.translate("MainWindow", u"&Hold\u2026", None))
#if QT_CONFIG(tooltip)
        self.hold_action.setToolTip(QCoreApplication.translate("MainWindow", u"Hold the crossing (F9)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.hold_action.setShortcut(QCoreApplication.translate("MainWindow", u"F9", None))
#endif // QT_CONFIG(shortcut)
        self.refuse_action.setText(QCoreApplication.translate("MainWindow", u"Re&fuse entry\u2026", None))
#if QT_CONFIG(tooltip)
        self.refuse_action.setToolTip(QCoreApplication.translate("MainWindow", u"Refuse entry (Ctrl+F9)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.refuse_action.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+F9", None))
#endif // QT_CONFIG(shortcut)
        self.print_action.setText(QCoreApplication.translate("MainWindow", u"&Print\u2026", None))
#if QT_CONFIG(tooltip)
        self.print_action.setToolTip(QCoreApplication.translate("MainWindow", u"Print a document of the crossing: gate pass, entry document, hold notice, examination report (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.print_action.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+P", None))
#endif // QT_CONFIG(shortcut)
        self.void_action.setText(QCoreApplication.translate("MainWindow", u"&Void a printed document\u2026", None))
#if QT_CONFIG(tooltip)
        self.void_action.setToolTip(QCoreApplication.translate("MainWindow", u"Declare a spoilt or lost document void (a supervisor approves)", None))
#endif // QT_CONFIG(tooltip)
        self.refresh_action.setText(QCoreApplication.translate("MainWindow", u"&Refresh", None))
#if QT_CONFIG(tooltip)
        self.refresh_action.setToolTip(QCoreApplication.translate("MainWindow", u"Reload today's crossings (F5)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.refresh_action.setShortcut(QCoreApplication.translate("MainWindow", u"F5", None))
#endif // QT_CONFIG(shortcut)
        self.change_password_action.setText(QCoreApplication.translate("MainWindow", u"Change my &password\u2026", None))
#if QT_CONFIG(tooltip)
        self.change_password_action.setToolTip(QCoreApplication.translate("MainWindow", u"Choose a new password for your own account", None))
#endif // QT_CONFIG(tooltip)
        self.accounts_action.setText(QCoreApplication.translate("MainWindow", u"&Accounts\u2026", None))
#if QT_CONFIG(tooltip)
        self.accounts_action.setToolTip(QCoreApplication.translate("MainWindow", u"Add, disable, enable, unlock, re-role accounts and reset their passwords", None))
#endif // QT_CONFIG(tooltip)
        self.quit_action.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
#if QT_CONFIG(shortcut)
        self.quit_action.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.title_label.setText(QCoreApplication.translate("MainWindow", u"Today's crossings", None))
        self.count_label.setText("")
#if QT_CONFIG(accessibility)
        self.queue_view.setAccessibleName(QCoreApplication.translate("MainWindow", u"Today's crossings", None))
#endif // QT_CONFIG(accessibility)
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.crossing_menu.setTitle(QCoreApplication.translate("MainWindow", u"&Crossing", None))
        self.station_menu.setTitle(QCoreApplication.translate("MainWindow", u"&Station", None))
    # retranslateUi

